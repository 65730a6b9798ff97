//! Due items: placeholder, written by the lifecycle family.
