use crate::both;
use crate::helpers::{Backend, spawn_app};

async fn health_metrics_and_error_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut client = app.client();

    let health = client.get("/healthz").await;
    assert_eq!(health.status, 200);
    assert_eq!(health.body.trim(), "ok");

    let home = client.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("<html lang=\"en\""));
    assert!(home.body.contains("href=\"#main-content\""));

    let metrics = client.get("/metrics").await;
    assert_eq!(metrics.status, 200);
    assert!(
        metrics.body.contains("withus_http_requests_total"),
        "{}",
        metrics.body
    );

    let missing = client.get("/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(
        missing.title().starts_with("Page not found"),
        "{}",
        missing.title()
    );
    assert!(missing.body.contains("<main"));
}
both!(
    health_metrics_and_error_pages,
    health_metrics_and_error_pages
);

async fn security_headers_on_every_page(backend: Backend) {
    let app = spawn_app(backend).await;
    let client = app.client();
    let response = client
        .http
        .get(format!("{}/sign-in", app.base))
        .send()
        .await
        .unwrap();
    let headers = response.headers();
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["cache-control"], "no-store");
    let cookies: Vec<_> = headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let csrf = cookies
        .iter()
        .find(|c| c.starts_with("__Host-withus_csrf="))
        .expect("a CSRF cookie");
    assert!(
        csrf.contains("HttpOnly") && csrf.contains("Secure") && csrf.contains("SameSite=Lax"),
        "{csrf}"
    );
}
both!(
    security_headers_on_every_page,
    security_headers_on_every_page
);
