//! Form errors in the GOV.UK validation pattern: one message per field, listed in an error summary
//! whose links move focus to the field.

/// One field's error.
#[derive(Debug, Clone)]
pub struct FieldError {
    /// The id of the input the summary links to.
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    pub items: Vec<FieldError>,
}

impl FormErrors {
    pub fn add(&mut self, field: &str, message: String) {
        if self.get(field).is_none() {
            self.items.push(FieldError {
                field: field.to_owned(),
                message,
            });
        }
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
