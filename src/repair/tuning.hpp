// The repair engine's tuning constants, in one place, each with why it has its value (internal).
// Scores are log10 probabilities; "margin" is how much better one reading must score than
// another. Changing any of these changes the output: the dev-set regression test
// (tests/repair/repair_test.cpp) and tools/compare-outputs tell by how much.
#pragma once

#include <cstddef>
#include <cstdint>

namespace protokoll::repair::tuning {

// --- Work per text --------------------------------------------------------------------------

/// A text shorter than this (a page: a few KB) is repaired on the calling thread: a batch
/// repairs pages side by side, and splitting a page's few hundred lines between threads costs
/// more than it gives.
inline constexpr std::size_t kParallelBytes = 32 * 1024;
/// Longer than any Swedish compound: a code, a hash or garbage, never searched.
inline constexpr std::size_t kMaxTokenLength = 48;

// --- Candidate search (candidates.cpp) --------------------------------------------------------

/// Confusions undone in one form: OCR rarely garbles more than four places of one word.
inline constexpr int kMaxEdits = 4;
/// Steps of one trie walk: bounds the search for a long or hopeless form.
inline constexpr std::size_t kMaxWalkSteps = 8000;
/// Readings kept per form; a decision never needs more.
inline constexpr std::size_t kMaxCandidates = 20;
/// Of those, how many Hunspell may confirm (its no's are the expensive answers) ...
inline constexpr std::size_t kVerifyCandidates = 3;
/// ... unless a known word reads the form 10^gap times likelier, when it is not asked at all.
inline constexpr double kVerifyGap = 2.0;
/// A change the search could only spell with this many compound boundaries is not put to
/// Hunspell: it almost never accepts one, and each no costs it every split of the word.
inline constexpr int kUncheckedCompounds = 2;
/// Readings less likely than this are dropped ...
inline constexpr double kMinLogP = -10;
/// ... and those this much less likely than the best reading found ...
inline constexpr double kSearchBeam = 5.0;
/// ... or than the best one-part reading the trie lists as a word.
inline constexpr double kWordBeam = 4.0;
/// Letters a form must share with a listed word before Hunspell is asked about it (sv_SE has
/// no prefix rules: a word it knows begins like its stem, a compound like its first part).
inline constexpr std::size_t kListedPrefix = 4;
/// Plain variants Hunspell is asked about when the trie knows no reading (inflected forms only
/// Hunspell knows, "vägarna").
inline constexpr std::size_t kLexiconVariants = 8;
/// ... drawn from at most this many variants of at most three edits, using confusions at least
/// this likely, and ranked among the likeliest kLexiconRanked.
inline constexpr int kLexiconVariantEdits = 3;
inline constexpr std::size_t kLexiconVariantLimit = 512;
inline constexpr std::size_t kLexiconRanked = 192;
inline constexpr double kLexiconRuleLogP = -3.5;
/// Weight of how Swedish a variant looks when ranking them for Hunspell.
inline constexpr double kLexiconSpellingWeight = 0.5;
/// Readings of a form that is not Swedish spelling ("Hjelmstrém"): edits, variants, kept.
inline constexpr int kRespellingEdits = 2;
inline constexpr std::size_t kRespellingLimit = 64;
inline constexpr std::size_t kUnknownCandidates = 6;
/// A compound boundary the lexicon did not list ("sjuk|frånvaron").
inline constexpr double kCompoundLogP = -0.3;
/// OCR lost a space between two words ("Uppdragi").
inline constexpr double kGlueLogP = -2.5;

// --- Priors (scoring.cpp) ---------------------------------------------------------------------

/// Share of running words no lexicon knows (names, compounds): the prior of an unknown word
/// before its spelling model.
inline constexpr double kLogUnknownWord = -2.0;
/// Names' weights (dictionaries/names.tsv) and kFrequentWord are counts on the scale of a model
/// of this many tokens (the help texts they were set with); they are scaled to the model loaded.
/// The pseudo counts below are not: scaled, they measured worse on the dev sets.
inline constexpr double kNameScaleTokens = 673875;
/// Pseudo counts for words a lexicon knows but the language model never saw: strong lists
/// and Hunspell, and Tesseract's web word list (which also holds stripped forms: "forslag").
inline constexpr double kKnownWordCount = 0.5;
inline constexpr double kWeakWordCount = 0.05;
/// A word the document shows intact counts this many times per occurrence as evidence.
inline constexpr double kIntactWordWeight = 2.0;

// --- Decisions (decide.cpp) -------------------------------------------------------------------

/// On a participant list: against turning a listed name into a common word ("Mats", "mäts") ...
inline constexpr double kNameBonus = 2.5;
/// ... and for a reading that is a name ("Åke", "Ann").
inline constexpr double kProperNameBonus = 2.0;
/// A capitalized known word inside a sentence (a proper noun) as written.
inline constexpr double kIdentityNameBonus = 1.0;
/// A known word is changed only at odds of 10^(kKnownWordMargin + kValidWordMargin * (1 -
/// loss)), loss being the document's share of lost å/ä/ö: breaking a right word costs more
/// than missing a fix, and in a text that lost them, a word without them is itself suspect.
inline constexpr double kKnownWordMargin = 0.2;
inline constexpr double kValidWordMargin = 0.7;
/// Language model count from which a reading is a frequent word (är, över, även, år): such a
/// word inside a sentence is written small when OCR made its first letter a capital ("Ar").
inline constexpr std::uint64_t kFrequentWord = 100;

// --- Document evidence and adaptation (evidence.cpp, adapt.cpp) ------------------------------

/// Swedish text has about 3.5 å/ä/ö per 100 letters ...
inline constexpr double kDiacriticRate = 0.035;
/// ... and a short text says little: this many pseudo-letters at half that rate pull the
/// estimate of the loss towards one half.
inline constexpr double kDiacriticPrior = 200;
/// The loss is estimated in steps of 1/20: finer says nothing more, and documents with the same
/// step share their candidate searches (the reading cache). Clamped to [min, max].
inline constexpr double kLossSteps = 20;
inline constexpr double kMinLoss = 0.03, kMaxLoss = 0.97;
/// Text our Swedish OCR model read keeps its å/ä/ö far more surely than text of unknown origin.
inline constexpr double kMinLossSwedishModel = 0.01;
/// A repair confirms its confusions when it turns an unknown form into a known word by this
/// margin.
inline constexpr double kConfirmMargin = 2.0;
/// A confirmed confusion's weight is its count over (count + kAdaptPrior + words / kAdaptWords):
/// in a long text even a rare confusion is confirmed a few times, and by its count alone it
/// would become near certain ("dar" read "är").
inline constexpr double kAdaptPrior = 4.0;
inline constexpr double kAdaptWords = 2000;
/// Channel of a name the document's lists settled, read into another misreading of it.
inline constexpr double kNameMatchLogP = -1.5;
/// Settled names are at least this long ("Hjelmström"): shorter ones match too much.
inline constexpr std::size_t kSettledNameLength = 5;
/// Channel of a word the document settled, read into another misreading of it.
inline constexpr double kSettledMatchLogP = -2.0;
/// How clearly a repair must win to settle its word for the rest of the document.
inline constexpr double kSettledMargin = 1.0;
/// Forms shorter than this are not matched against the settled words.
inline constexpr std::size_t kSettledFormLength = 4;

// --- Numbers (numbers.cpp) --------------------------------------------------------------------

/// The score reported for a number given its digits back (not searched: certain).
inline constexpr double kDigitScore = 3.0;
/// How many lines away the neighbouring agenda item may stand ("4." ... "S." ... "6.").
inline constexpr std::size_t kItemNumberReach = 80;

}  // namespace protokoll::repair::tuning
