//! The presentation layer: what turns data into text for a reader, in a
//! language. `render`, `report`, the ICS writer and the message catalogue
//! share it (typography here; languages, labels and formatting join it).

pub mod catalogue;
pub mod explain;
pub mod failures;
pub mod format;
pub mod french_names;
pub mod labels;
pub mod lang;
pub mod messages;
pub mod typography;
