fn main() {
    kaiban::start();
}
