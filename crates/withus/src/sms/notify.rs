//! GOV.UK Notify as the text message provider: each message is sent with a template whose whole
//! content is the placeholder `((message))`, authenticated with a JSON Web Token signed with the
//! service's API key; Notify's delivery callbacks come back to `/sms/receipts`.
//! <https://docs.notifications.service.gov.uk/rest-api.html>

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{KeyInit, Mac};
use uuid::Uuid;

use super::provider::{Provider, Sent};

/// Where Notify is and how to sign requests to it.
#[derive(Clone)]
pub struct NotifyProvider {
    pub base_url: String,
    pub service_id: String,
    pub secret: String,
    pub template_id: String,
    pub client: reqwest::Client,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum NotifyKeyError {
    #[error(
        "WITHUS_NOTIFY_API_KEY is not a Notify API key (name-serviceid-secret, with two UUIDs at the end)"
    )]
    Malformed,
}

impl NotifyProvider {
    /// From a Notify API key, which ends with the service id and the secret, each a UUID.
    pub fn new(
        api_key: &str,
        template_id: &str,
        base_url: &str,
    ) -> Result<NotifyProvider, NotifyKeyError> {
        let key = api_key.trim();
        if key.len() < 73 {
            return Err(NotifyKeyError::Malformed);
        }
        let secret = &key[key.len() - 36..];
        let service_id = &key[key.len() - 73..key.len() - 37];
        if Uuid::parse_str(secret).is_err() || Uuid::parse_str(service_id).is_err() {
            return Err(NotifyKeyError::Malformed);
        }
        Ok(NotifyProvider {
            base_url: base_url.trim_end_matches('/').to_owned(),
            service_id: service_id.to_owned(),
            secret: secret.to_owned(),
            template_id: template_id.trim().to_owned(),
            client: reqwest::Client::new(),
        })
    }

    /// The token Notify asks for: HS256 over `{"iss": service id, "iat": now}`.
    pub fn token(&self, issued_at: i64) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"typ":"JWT","alg":"HS256"}"#);
        let claims = URL_SAFE_NO_PAD
            .encode(serde_json::json!({ "iss": self.service_id, "iat": issued_at }).to_string());
        let signed = format!("{header}.{claims}");
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(self.secret.as_bytes())
            .expect("HMAC accepts any key length");
        mac.update(signed.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        format!("{signed}.{signature}")
    }
}

impl Provider for NotifyProvider {
    fn send<'a>(&'a self, id: Uuid, to: &'a str, body: &'a str) -> Sent<'a> {
        Box::pin(async move {
            let response = self
                .client
                .post(format!("{}/v2/notifications/sms", self.base_url))
                .bearer_auth(self.token(time::OffsetDateTime::now_utc().unix_timestamp()))
                .json(&serde_json::json!({
                    "phone_number": to,
                    "template_id": self.template_id,
                    "personalisation": { "message": body },
                    "reference": id.to_string(),
                }))
                .send()
                .await
                .map_err(|e| format!("Notify could not be reached: {e}"))?;
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            if !status.is_success() {
                return Err(format!("Notify refused the message ({status}): {text}"));
            }
            let answer: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| format!("Notify's answer was not JSON: {e}"))?;
            answer["id"]
                .as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("Notify's answer had no id: {text}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "withus-test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    #[test]
    fn the_key_gives_the_service_and_the_secret() {
        let notify = NotifyProvider::new(KEY, "t", "https://example.org/").unwrap();
        assert_eq!(notify.service_id, "26785a09-ab16-4eb0-8407-a37497a57506");
        assert_eq!(notify.secret, "3d844edf-8d35-48ac-975b-e847b4f122b0");
        assert_eq!(notify.base_url, "https://example.org");
        assert!(NotifyProvider::new("short", "t", "x").is_err());
        assert!(NotifyProvider::new(&KEY.replace("-3d84", "-zz84"), "t", "x").is_err());
    }

    #[test]
    fn the_token_is_signed_with_the_secret() {
        let notify = NotifyProvider::new(KEY, "t", "x").unwrap();
        let token = notify.token(1_700_000_000);
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let claims: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
        assert_eq!(claims["iss"], "26785a09-ab16-4eb0-8407-a37497a57506");
        assert_eq!(claims["iat"], 1_700_000_000);
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(notify.secret.as_bytes()).unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .expect("a valid signature");
    }
}
