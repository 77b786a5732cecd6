//! A malformed id anywhere in a path is "page not found", as a link to something that does not
//! exist would be: never a bare "bad request".

use crate::both;
use crate::helpers::{Backend, spawn_app};

async fn malformed_ids_in_paths_are_not_found(backend: Backend) {
    let app = spawn_app(backend).await;
    let org = {
        let mut conn = app.db.acquire().await.unwrap();
        withus::organisations::find_by_name(&mut conn.ex(), withus::demo::DPO)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let mut staff = app
        .signed_in_client("facilitator@northtown-dpf.example")
        .await;
    for path in [
        "/engagements/not-an-id".to_owned(),
        "/organisations/not-an-id".to_owned(),
        format!("/organisations/{org}/selections/not-an-id"),
        format!("/organisations/{org}/selections/0190000000007000800000000000beef"),
    ] {
        let page = staff.get(&path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(
            page.title().starts_with("Page not found"),
            "{path}: {}",
            page.title()
        );
    }
}
both!(
    malformed_ids_in_paths_are_not_found,
    malformed_ids_in_paths_are_not_found
);
