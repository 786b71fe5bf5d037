//! When did it happen?
//!
//! Dates are civil dates (no time zone): event data is daily.

/// A calendar date.
pub type Date = jiff::civil::Date;
