//! Reference point for the check benchmark: parse every `.toml` file of a
//! folder with the `toml` crate alone, single-threaded, and print the time.
//!
//! Usage: cargo bench --bench parse_only -- DIR

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        eprintln!("usage: cargo bench --bench parse_only -- DIR");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let started = Instant::now();
    let mut tables = 0usize;
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("text file");
        let value: toml::Table = toml::from_str(&text).expect("valid TOML");
        tables += value.len();
    }
    let elapsed = started.elapsed();
    println!(
        "toml crate alone, 1 thread: {} files in {:.3} s ({} top-level keys)",
        paths.len(),
        elapsed.as_secs_f64(),
        tables
    );
}
