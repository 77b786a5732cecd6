//! The machine's ceiling for load benchmarks: the same axum and tokio stack serving a fixed page with
//! no middleware, templates or database. Prints `listening on http://ADDR` and serves until killed.

use axum::Router;
use axum::response::Html;
use axum::routing::get;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("WITHUS_ADDR").unwrap_or_else(|_| "127.0.0.1:0".into());
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let app = Router::new().route(
        "/",
        get(|| async {
            Html("<!DOCTYPE html><html lang=\"en\"><title>ok</title><p>ok</p></html>")
        }),
    );
    axum::serve(listener, app).await
}
