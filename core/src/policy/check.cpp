#include "parley/policy/check.h"

#include <algorithm>

#include "compiled_policy.h"
#include "links.h"
#include "parley/policy/messages.h"
#include "parley/text/folded_text.h"
#include "personal_attacks.h"
#include "span_order.h"
#include "term_match_scan.h"
#include "text_shape.h"

namespace parley::policy {

namespace {

using internal::Span;

// Reasons that point at text are capped, so a hostile comment cannot make a huge verdict. The
// action still counts every reason found.
constexpr size_t kMaxSpanReasons = 50;

Action ToAction(RuleAction action) {
  return action == RuleAction::kReject ? Action::kReject : Action::kReview;
}

class VerdictBuilder {
 public:
  explicit VerdictBuilder(std::string_view lang) : lang_(lang) {}

  void Add(ReasonCode code, Action action, int64_t limit = 0) {
    whole_.push_back(Make(code, action, limit));
  }

  void Add(ReasonCode code, Action action, Span span, int64_t limit = 0) {
    Reason reason = Make(code, action, limit);
    reason.has_span = true;
    reason.start = span.start;
    reason.end = span.end;
    spans_.push_back(std::move(reason));
  }

  Verdict Finish() {
    Verdict verdict;
    for (const Reason& reason : whole_) verdict.action = std::max(verdict.action, reason.action);
    for (const Reason& reason : spans_) verdict.action = std::max(verdict.action, reason.action);
    std::vector<internal::SpanKey> order;
    order.reserve(spans_.size());
    for (size_t i = 0; i < spans_.size(); ++i) {
      const Reason& reason = spans_[i];
      order.push_back(internal::SpanKey{
          reason.start, reason.end, static_cast<uint32_t>(reason.code), static_cast<uint32_t>(i)});
    }
    internal::SortSpanKeys(&order);
    if (order.size() > kMaxSpanReasons) order.resize(kMaxSpanReasons);
    verdict.reasons = std::move(whole_);
    for (const internal::SpanKey& key : order)
      verdict.reasons.push_back(std::move(spans_[key.index]));
    return verdict;
  }

 private:
  Reason Make(ReasonCode code, Action action, int64_t limit) const {
    Reason reason;
    reason.code = code;
    reason.action = action;
    reason.message = std::string(ReasonMessage(code, lang_));
    const size_t placeholder = reason.message.find("{n}");
    if (placeholder != std::string::npos) {
      reason.message.replace(placeholder, 3, std::to_string(limit));
    }
    return reason;
  }

  std::string_view lang_;
  std::vector<Reason> whole_;
  std::vector<Reason> spans_;
};

// Banned and suspect matches, minus those inside an "allow" exception and those inside a longer
// match of the same or a stronger list ("motherfucker" once, not also "*fuck*").
void AddWordReasons(const std::vector<TermMatch>& found, VerdictBuilder* verdict) {
  std::vector<internal::SpanKey> allowed;
  std::vector<internal::SpanKey> words;
  for (size_t i = 0; i < found.size(); ++i) {
    const TermMatch& match = found[i];
    // Rank: banned before suspect where spans are equal.
    const uint32_t rank = match.kind == TermKind::kBanned ? 0 : 1;
    (match.kind == TermKind::kAllow ? allowed : words)
        .push_back(internal::SpanKey{match.start, match.end, rank, static_cast<uint32_t>(i)});
  }
  internal::SortSpanKeys(&allowed);
  internal::SortSpanKeys(&words);
  // Both lists are walked once in order of start: a match is excepted when an exception that
  // starts no later reaches at least as far.
  size_t next_allowed = 0;
  uint32_t allowed_end = 0;
  uint32_t banned_end = 0;
  uint32_t any_end = 0;
  bool any_kept = false;
  for (const internal::SpanKey& match : words) {
    while (next_allowed < allowed.size() && allowed[next_allowed].start <= match.start) {
      allowed_end = std::max(allowed_end, allowed[next_allowed++].end);
    }
    if (next_allowed > 0 && allowed_end >= match.end) continue;
    const bool banned = match.rank == 0;
    if (any_kept && (banned ? banned_end : any_end) >= match.end) continue;
    any_kept = true;
    any_end = std::max(any_end, match.end);
    if (banned) banned_end = std::max(banned_end, match.end);
    verdict->Add(banned ? ReasonCode::kBannedWord : ReasonCode::kSuspectWord,
                 banned ? Action::kReject : Action::kReview, Span{match.start, match.end});
  }
}

void AddLinkReasons(std::string_view text, const Settings& settings,
                    const internal::CompiledPolicy& compiled, VerdictBuilder* verdict) {
  int64_t links = 0;
  for (const internal::HostMention& host : internal::FindHosts(text)) {
    const Span span{host.start, host.end};
    const bool blocked = std::any_of(
        compiled.blocked_domains.begin(), compiled.blocked_domains.end(),
        [&](const std::string& domain) { return internal::HostIsUnder(host.host, domain); });
    if (blocked) verdict->Add(ReasonCode::kBlockedDomain, Action::kReject, span);
    if (host.is_link && ++links == settings.max_links + 1) {
      verdict->Add(ReasonCode::kTooManyLinks, Action::kReview, span, settings.max_links);
    }
  }
}

}  // namespace

Verdict CheckComment(std::string_view text, const Policy& policy, std::string_view lang) {
  const Settings& settings = policy.settings();
  const internal::CompiledPolicy& compiled = policy.compiled();
  VerdictBuilder verdict(lang);

  // One pass over the text folds it and counts what the shape rules need.
  const text::FoldedText folded = text::FoldForMatching(text);
  const auto length = static_cast<int64_t>(folded.visible_length);
  if (length < settings.min_length) {
    verdict.Add(ReasonCode::kTooShort, Action::kReject, settings.min_length);
  }
  if (length > settings.max_length) {
    verdict.Add(ReasonCode::kTooLong, Action::kReject, settings.max_length);
  }
  if (settings.shouting.action != RuleAction::kOff &&
      internal::IsShouting(folded, settings.shouting)) {
    verdict.Add(ReasonCode::kShouting, ToAction(settings.shouting.action));
  }
  // The word lists and the attack lexicon are one automaton (compiled_policy.h).
  std::vector<TermMatch> words;
  const auto add_word = [&words](const TermMatch& match) { words.push_back(match); };
  if (settings.personal_attacks != RuleAction::kOff) {
    internal::PersonalAttackFinder attacks(folded, compiled.attack_roles);
    compiled.words.ForEachMatchByGroup(
        folded, add_word,
        [&attacks](const TermMatch& match) PARLEY_HOT_LAMBDA { attacks.Mark(match); });
    AddWordReasons(words, &verdict);
    const Action action = ToAction(settings.personal_attacks);
    for (const Span& span : attacks.Finish()) {
      verdict.Add(ReasonCode::kPersonalAttack, action, span);
    }
  } else {
    compiled.words.ForEachMatch(folded, add_word);
    AddWordReasons(words, &verdict);
  }
  AddLinkReasons(text, settings, compiled, &verdict);
  if (settings.floods.action != RuleAction::kOff) {
    const Action action = ToAction(settings.floods.action);
    for (const Span& span : internal::FindFloods(folded, settings.floods)) {
      verdict.Add(ReasonCode::kFlood, action, span);
    }
  }
  return verdict.Finish();
}

}  // namespace parley::policy
