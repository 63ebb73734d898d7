//! The host's brand colour. Accepted only if white text on it stays readable (WCAG AA,
//! 4.5:1), because it colours links, the progress bar and headings on white.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

pub const MIN_CONTRAST: f64 = 4.5;

impl Colour {
    /// `#rgb` or `#rrggbb`; anything else (names, `url(...)`, `;` injections) is refused.
    pub fn parse_hex(text: &str) -> Option<Colour> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize, width: usize| u8::from_str_radix(&hex[i..i + width], 16).ok();
        match hex.len() {
            3 => Some(Colour {
                r: digit(0, 1)? * 17,
                g: digit(1, 1)? * 17,
                b: digit(2, 1)? * 17,
            }),
            6 => Some(Colour {
                r: digit(0, 2)?,
                g: digit(2, 2)?,
                b: digit(4, 2)?,
            }),
            _ => None,
        }
    }

    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio against white.
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// The same hue darkened by `amount` (0..1), for hover and pressed states.
    pub fn darken(self, amount: f64) -> Colour {
        let scale = |c: u8| (f64::from(c) * (1.0 - amount)).round() as u8;
        Colour {
            r: scale(self.r),
            g: scale(self.g),
            b: scale(self.b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_long_hex_only() {
        assert_eq!(
            Colour::parse_hex("#0b4f9c"),
            Some(Colour {
                r: 0x0b,
                g: 0x4f,
                b: 0x9c
            })
        );
        assert_eq!(
            Colour::parse_hex("#fff").map(Colour::to_hex).as_deref(),
            Some("#ffffff")
        );
        for bad in [
            "red",
            "#12",
            "#1234567",
            "#12345g",
            "0b4f9c",
            "#fff;background:url(x)",
            "#ｆｆｆ",
        ] {
            assert_eq!(Colour::parse_hex(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        let black = Colour::parse_hex("#000").unwrap();
        assert!((black.contrast_with_white() - 21.0).abs() < 0.01);
        let grey = Colour::parse_hex("#767676").unwrap();
        assert!((grey.contrast_with_white() - 4.54).abs() < 0.01);
        assert!(Colour::parse_hex("#ffbf47").unwrap().contrast_with_white() < MIN_CONTRAST);
    }
}
