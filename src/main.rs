//! The native CLI: `factcheck extract FILE...` and `factcheck check FILE...`.

fn main() {
    println!("factcheck {}", factcheck::version());
}
