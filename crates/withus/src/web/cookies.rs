//! Cookie names and `Set-Cookie` values. Cookies are HttpOnly and SameSite=Lax; with secure cookies
//! on (the default) they are `__Host-` prefixed, which browsers only accept with Secure, Path=/ and no
//! Domain, so no subdomain can plant one.

use axum::http::HeaderMap;

use crate::state::AppState;

#[derive(Debug, Clone, Copy)]
pub struct CookieNames {
    pub secure: bool,
}

impl CookieNames {
    /// The names this site uses: `__Host-` prefixed when cookies are secure.
    pub fn of(state: &AppState) -> CookieNames {
        CookieNames {
            secure: state.config.secure_cookies,
        }
    }

    pub fn session(self) -> &'static str {
        if self.secure {
            "__Host-withus_session"
        } else {
            "withus_session"
        }
    }

    pub fn csrf(self) -> &'static str {
        if self.secure {
            "__Host-withus_csrf"
        } else {
            "withus_csrf"
        }
    }

    pub fn language(self) -> &'static str {
        if self.secure {
            "__Host-withus_lang"
        } else {
            "withus_lang"
        }
    }

    /// Answers given so far while joining a panel, sealed.
    pub fn join(self) -> &'static str {
        if self.secure {
            "__Host-withus_join"
        } else {
            "withus_join"
        }
    }

    /// The token that finds a survey's answers given so far in this browser.
    pub fn survey(self) -> &'static str {
        if self.secure {
            "__Host-withus_survey"
        } else {
            "withus_survey"
        }
    }

    pub fn flash(self) -> &'static str {
        if self.secure {
            "__Host-withus_flash"
        } else {
            "withus_flash"
        }
    }

    /// A `Set-Cookie` value. `max_age` of `None` makes a browser-session cookie.
    pub fn set(self, name: &str, value: &str, max_age: Option<i64>) -> String {
        let mut cookie = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if self.secure {
            cookie.push_str("; Secure");
        }
        if let Some(seconds) = max_age {
            cookie.push_str(&format!("; Max-Age={seconds}"));
        }
        cookie
    }

    pub fn clear(self, name: &str) -> String {
        self.set(name, "", Some(0))
    }
}

/// The value of the named cookie in the request, if present.
pub fn read(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_one_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "cookie",
            "a=1; __Host-withus_session=abc; b=2".parse().unwrap(),
        );
        assert_eq!(
            read(&headers, "__Host-withus_session").as_deref(),
            Some("abc")
        );
        assert_eq!(read(&headers, "missing"), None);
    }

    #[test]
    fn secure_cookies_carry_the_host_prefix_and_flags() {
        let names = CookieNames { secure: true };
        let cookie = names.set(names.session(), "x", Some(60));
        assert!(cookie.starts_with("__Host-withus_session=x"));
        for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/", "Max-Age=60"] {
            assert!(cookie.contains(flag), "{cookie}");
        }
    }
}
