//! Rebuild when the front-end assets change: they are embedded in the binary.

fn main() {
    println!("cargo:rerun-if-changed=../../assets/dist");
    println!("cargo:rerun-if-changed=../../assets/dist/images");
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
}
