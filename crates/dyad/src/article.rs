//! What is an article, and how is it read?

use serde::{Deserialize, Serialize};

/// One news article as given to the coder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier: the JSON `id`, or the file name for text files.
    pub id: String,
    /// Publication date `YYYY-MM-DD`, if known.
    #[serde(default)]
    pub date: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Full text; event spans are byte offsets into it.
    pub text: String,
    /// Publisher or feed.
    #[serde(default)]
    pub source: Option<String>,
    /// Where the article was found.
    #[serde(default)]
    pub url: Option<String>,
}
