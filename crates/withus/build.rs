//! Rebuild when the front-end assets change: they are embedded in the binary. Stop with one clear
//! line when they have not been built yet, instead of rust-embed's error about a missing folder.

use std::path::Path;

/// Where `src/assets.rs` embeds from (its `#[folder]`), relative to this crate.
const DIST: &str = "../../assets/dist";

fn main() {
    // A missing path counts as changed, so the check runs again on every build until it exists.
    println!("cargo::rerun-if-changed={DIST}");
    println!("cargo::rerun-if-changed={DIST}/images");
    println!("cargo::rerun-if-changed=migrations");
    println!("cargo::rerun-if-changed=locales");

    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    if !Path::new(&manifest_dir).join(DIST).is_dir() {
        println!(
            "cargo::error=Withus needs its front-end assets: run scripts/build-assets first \
             (it installs the npm packages and builds assets/dist)."
        );
    }
}
