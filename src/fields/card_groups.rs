//! A long list of cards (investors on their own step and on the capital step) drawn in groups of
//! [`CARDS_PER_GROUP`]: the browser skips a group off screen as a whole, and within the group on
//! screen each card off screen (`content-visibility` in style/main.css). A keystroke's frame at
//! 1 000 investors spent about 2 ms deciding, card by card, which of 1 000 cards were on screen;
//! with 40 groups it is 0.1 ms.

use leptos::prelude::*;

/// Measured (the frame after a keystroke, Chromium trace): groups of 10 and 25 frame alike, at
/// 50 investors as at 1 000 (2.0–2.7 ms); 25 makes fewer boxes to track.
pub const CARDS_PER_GROUP: usize = 25;

/// The cards, in order, in groups. Each group tells the style sheet how many cards it holds,
/// so a group never drawn yet reserves about their height and the scroll bar stays honest.
pub fn card_groups(cards: impl IntoIterator<Item = impl IntoView>) -> impl IntoView {
    let mut cards = cards.into_iter().peekable();
    let mut groups = Vec::new();
    while cards.peek().is_some() {
        let group: Vec<_> = cards.by_ref().take(CARDS_PER_GROUP).collect();
        let count = group.len().to_string();
        groups.push(view! {
            <div class="kb-card-group" style:--kb-cards=count>
                {group}
            </div>
        });
    }
    groups
}
