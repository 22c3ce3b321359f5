//! The journal's prompts. The words are ours, in the locale files (`journal.ftl`), under
//! `journal-prompt-<name>`; here only which prompts exist and how they are grouped.

use serde::{Deserialize, Serialize};

/// The two kinds of reflection the journal offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PromptGroup {
    /// Looking at one's own part: what I bring, what I want, what I can change.
    InnerWork,
    /// Sorting out one's feelings after a hurt, at one's own pace.
    AfterHurt,
    /// Thinking about forgiving, which belongs to the hurt person alone and has no deadline.
    Forgiving,
}

impl PromptGroup {
    pub const ALL: [PromptGroup; 3] = [
        PromptGroup::InnerWork,
        PromptGroup::AfterHurt,
        PromptGroup::Forgiving,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            PromptGroup::InnerWork => "inner_work",
            PromptGroup::AfterHurt => "after_hurt",
            PromptGroup::Forgiving => "forgiving",
        }
    }
}

/// One prompt, named in the log by its snake_case name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prompt {
    WhatIBring,
    WhatIWant,
    WhatICanChange,
    MyPartInIt,
    HowDeep,
    WhatExactly,
    WhatINeedToFeelSafe,
    NotReadyFor,
    HowHeavyToday,
    HowLongToCarry,
    WhatINeedToForgive,
}

impl Prompt {
    pub const ALL: [Prompt; 11] = [
        Prompt::WhatIBring,
        Prompt::WhatIWant,
        Prompt::WhatICanChange,
        Prompt::MyPartInIt,
        Prompt::HowDeep,
        Prompt::WhatExactly,
        Prompt::WhatINeedToFeelSafe,
        Prompt::NotReadyFor,
        Prompt::HowHeavyToday,
        Prompt::HowLongToCarry,
        Prompt::WhatINeedToForgive,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Prompt::WhatIBring => "what_i_bring",
            Prompt::WhatIWant => "what_i_want",
            Prompt::WhatICanChange => "what_i_can_change",
            Prompt::MyPartInIt => "my_part_in_it",
            Prompt::HowDeep => "how_deep",
            Prompt::WhatExactly => "what_exactly",
            Prompt::WhatINeedToFeelSafe => "what_i_need_to_feel_safe",
            Prompt::NotReadyFor => "not_ready_for",
            Prompt::HowHeavyToday => "how_heavy_today",
            Prompt::HowLongToCarry => "how_long_to_carry",
            Prompt::WhatINeedToForgive => "what_i_need_to_forgive",
        }
    }

    pub fn from_name(name: &str) -> Option<Prompt> {
        Prompt::ALL.into_iter().find(|p| p.as_str() == name)
    }

    pub const fn group(self) -> PromptGroup {
        match self {
            Prompt::WhatIBring
            | Prompt::WhatIWant
            | Prompt::WhatICanChange
            | Prompt::MyPartInIt => PromptGroup::InnerWork,
            Prompt::HowDeep
            | Prompt::WhatExactly
            | Prompt::WhatINeedToFeelSafe
            | Prompt::NotReadyFor => PromptGroup::AfterHurt,
            Prompt::HowHeavyToday | Prompt::HowLongToCarry | Prompt::WhatINeedToForgive => {
                PromptGroup::Forgiving
            }
        }
    }

    /// The id of its words in the locale files: `journal-prompt-what-i-bring`.
    pub fn locale_id(self) -> String {
        format!("journal-prompt-{}", self.as_str().replace('_', "-"))
    }

    /// The id of a short hint under the prompt.
    pub fn hint_id(self) -> String {
        format!("journal-hint-{}", self.as_str().replace('_', "-"))
    }
}
