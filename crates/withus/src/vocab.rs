//! The shared vocabulary of the app: closed sets of values stored as text (`stored_enum!`, and
//! `decoded_as_text!` for types that parse themselves), and phone numbers written one way. Every
//! capability may use it; it uses nothing of the app.

/// Reads a text column into a type with `parse(&str) -> Option<Self>`, strictly: a value the code
/// does not know is a decoding error, never a default.
macro_rules! decoded_as_text {
    ($name:ty, $what:expr) => {
        impl<DB: sqlx::Database> sqlx::Type<DB> for $name
        where
            str: sqlx::Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <str as sqlx::Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <str as sqlx::Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: sqlx::Database> sqlx::Decode<'r, DB> for $name
        where
            &'r str: sqlx::Decode<'r, DB>,
        {
            fn decode(
                value: <DB as sqlx::Database>::ValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let text = <&'r str as sqlx::Decode<'r, DB>>::decode(value)?;
                <$name>::parse(text).ok_or_else(|| format!("unknown {} {text:?}", $what).into())
            }
        }
    };
}
pub(crate) use decoded_as_text;

/// Declares a closed set of values stored as text, with their message keys. The type reads and
/// writes itself through sqlx on SQLite and PostgreSQL: a stored value that is not one of the set
/// is a decoding error, never quietly taken for some default. (The caller imports serde's
/// `Serialize` and `Deserialize`.)
macro_rules! stored_enum {
    ($(#[$meta:meta])* $name:ident, $prefix:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(value: &str) -> Option<$name> {
                match value { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The interface text for this value: `<prefix>-<value with hyphens>`.
            pub fn message_key(self) -> String {
                format!("{}-{}", $prefix, self.as_str().replace('_', "-"))
            }
        }

        impl $crate::vocab::Stored for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }

            fn message_key(self) -> String {
                $name::message_key(self)
            }
        }

        /// A value equals its stored text.
        impl PartialEq<&str> for $name {
            fn eq(&self, text: &&str) -> bool {
                self.as_str() == *text
            }
        }

        $crate::vocab::decoded_as_text!($name, stringify!($name));

        impl<'q, DB: sqlx::Database> sqlx::Encode<'q, DB> for $name
        where
            &'q str: sqlx::Encode<'q, DB>,
        {
            fn encode_by_ref(
                &self,
                buf: &mut <DB as sqlx::Database>::ArgumentBuffer,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <&'q str as sqlx::Encode<'q, DB>>::encode(self.as_str(), buf)
            }
        }
    };
}
pub(crate) use stored_enum;

/// What every stored value offers, so a form can list the choices of any of them the same way.
pub trait Stored: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn as_str(self) -> &'static str;
    fn message_key(self) -> String;
}

/// A UK or international phone number: digits with optional spaces, brackets, dashes and a leading +.
pub fn normalise_phone(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let plus = trimmed.starts_with('+');
    let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
    let allowed = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || " ()-+".contains(c));
    (allowed && (10..=15).contains(&digits.len()))
        .then(|| if plus { format!("+{digits}") } else { digits })
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    stored_enum!(
        /// A set to test with.
        Colour, "colour" {
            Red => "red",
            DarkBlue => "dark_blue",
        }
    );

    #[tokio::test]
    async fn a_stored_value_reads_back_and_an_unknown_one_is_an_error() {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect("sqlite::memory:")
            .await
            .unwrap();
        let read: Colour = sqlx::query_scalar("SELECT $1")
            .bind(Colour::DarkBlue)
            .fetch_one(&mut c)
            .await
            .unwrap();
        assert_eq!(read, Colour::DarkBlue);
        let unknown = sqlx::query_scalar::<_, Colour>("SELECT 'green'")
            .fetch_one(&mut c)
            .await;
        assert!(
            matches!(unknown, Err(sqlx::Error::ColumnDecode { .. })),
            "{unknown:?}"
        );
        assert_eq!(Colour::DarkBlue.message_key(), "colour-dark-blue");
    }
}
