#include <string>

#include "parley/i18n/catalog.h"

// The thread's user-interface strings. Translations follow each language's own conventions
// (Armenian keeps the noun singular after numerals; Russian has one/few/many; Arabic all six).
namespace parley::i18n {

namespace {

// Field order is ThreadStrings' declaration order.
constexpr ThreadStrings kEnglish = {
    {"", "{n} comment", "", "", "", "{n} comments"},
    {"", "{n} more reply", "", "", "", "{n} more replies"},
    "Comments",
    "Load more comments",
    "in reply to {name}",
    "In reply to a removed comment",
    "This comment was deleted.",
    "This comment is not available.",
    "Reply",
    "Reply to {name}",
    "Report",
    "Report comment by {name}",
    "Upvote comment by {name}",
    "Downvote comment by {name}",
    "edited",
    "Awaiting moderation",
    "Rejected",
    "Pinned",
    "said:",
    "Staff",
    "Verified",
    "Moderator",
    "Anonymous",
};

constexpr ThreadStrings kRussian = {
    {"", "{n} комментарий", "", "{n} комментария", "{n} комментариев", "{n} комментария"},
    {"", "Ещё {n} ответ", "", "Ещё {n} ответа", "Ещё {n} ответов", "Ещё {n} ответа"},
    "Комментарии",
    "Показать ещё комментарии",
    "в ответ пользователю {name}",
    "В ответ на удалённый комментарий",
    "Этот комментарий удалён.",
    "Этот комментарий недоступен.",
    "Ответить",
    "Ответить пользователю {name}",
    "Пожаловаться",
    "Пожаловаться на комментарий пользователя {name}",
    "Голосовать за комментарий пользователя {name}",
    "Голосовать против комментария пользователя {name}",
    "изменено",
    "Ожидает проверки",
    "Отклонён",
    "Закреплён",
    "пишет:",
    "Редакция",
    "Подтверждён",
    "Модератор",
    "Аноним",
};

constexpr ThreadStrings kArmenian = {
    {"", "{n} մեկնաբանություն", "", "", "", "{n} մեկնաբանություն"},
    {"", "Եվս {n} պատասխան", "", "", "", "Եվս {n} պատասխան"},
    "Մեկնաբանություններ",
    "Բեռնել ավելի շատ մեկնաբանություններ",
    "ի պատասխան՝ {name}",
    "Ի պատասխան ջնջված մեկնաբանության",
    "Այս մեկնաբանությունը ջնջվել է։",
    "Այս մեկնաբանությունը հասանելի չէ։",
    "Պատասխանել",
    "Պատասխանել՝ {name}",
    "Բողոքել",
    "Բողոքել մեկնաբանության դեմ՝ {name}",
    "Կողմ քվեարկել՝ {name}",
    "Դեմ քվեարկել՝ {name}",
    "խմբագրված",
    "Սպասում է ստուգման",
    "Մերժված",
    "Ամրացված",
    "գրում է՝",
    "Խմբագրություն",
    "Հաստատված",
    "Մոդերատոր",
    "Անանուն",
};

constexpr ThreadStrings kFrench = {
    {"", "{n} commentaire", "", "", "{n} de commentaires", "{n} commentaires"},
    {"", "{n} autre réponse", "", "", "{n} d’autres réponses", "{n} autres réponses"},
    "Commentaires",
    "Afficher plus de commentaires",
    "en réponse à {name}",
    "En réponse à un commentaire supprimé",
    "Ce commentaire a été supprimé.",
    "Ce commentaire n’est pas disponible.",
    "Répondre",
    "Répondre à {name}",
    "Signaler",
    "Signaler le commentaire de {name}",
    "Voter pour le commentaire de {name}",
    "Voter contre le commentaire de {name}",
    "modifié",
    "En attente de modération",
    "Refusé",
    "Épinglé",
    "a écrit :",
    "Rédaction",
    "Vérifié",
    "Modérateur",
    "Anonyme",
};

constexpr ThreadStrings kGerman = {
    {"", "{n} Kommentar", "", "", "", "{n} Kommentare"},
    {"", "{n} weitere Antwort", "", "", "", "{n} weitere Antworten"},
    "Kommentare",
    "Weitere Kommentare laden",
    "als Antwort auf {name}",
    "Antwort auf einen entfernten Kommentar",
    "Dieser Kommentar wurde gelöscht.",
    "Dieser Kommentar ist nicht verfügbar.",
    "Antworten",
    "{name} antworten",
    "Melden",
    "Kommentar von {name} melden",
    "Kommentar von {name} positiv bewerten",
    "Kommentar von {name} negativ bewerten",
    "bearbeitet",
    "Wartet auf Freigabe",
    "Abgelehnt",
    "Angeheftet",
    "schrieb:",
    "Redaktion",
    "Verifiziert",
    "Moderator",
    "Anonym",
};

constexpr ThreadStrings kSpanish = {
    {"", "{n} comentario", "", "", "{n} de comentarios", "{n} comentarios"},
    {"", "{n} respuesta más", "", "", "{n} de respuestas más", "{n} respuestas más"},
    "Comentarios",
    "Cargar más comentarios",
    "en respuesta a {name}",
    "En respuesta a un comentario eliminado",
    "Este comentario fue eliminado.",
    "Este comentario no está disponible.",
    "Responder",
    "Responder a {name}",
    "Denunciar",
    "Denunciar el comentario de {name}",
    "Votar a favor del comentario de {name}",
    "Votar en contra del comentario de {name}",
    "editado",
    "Pendiente de moderación",
    "Rechazado",
    "Fijado",
    "dijo:",
    "Redacción",
    "Verificado",
    "Moderador",
    "Anónimo",
};

constexpr ThreadStrings kArabic = {
    {"لا توجد تعليقات", "تعليق واحد", "تعليقان", "{n} تعليقات", "{n} تعليقًا", "{n} تعليق"},
    {"لا ردود أخرى", "رد واحد آخر", "ردّان آخران", "{n} ردود أخرى", "{n} ردًا آخر", "{n} رد آخر"},
    "التعليقات",
    "تحميل المزيد من التعليقات",
    "ردًا على {name}",
    "ردًا على تعليق محذوف",
    "تم حذف هذا التعليق.",
    "هذا التعليق غير متاح.",
    "رد",
    "الرد على {name}",
    "إبلاغ",
    "الإبلاغ عن تعليق {name}",
    "تأييد تعليق {name}",
    "معارضة تعليق {name}",
    "معدّل",
    "بانتظار المراجعة",
    "مرفوض",
    "مثبّت",
    "كتب:",
    "فريق التحرير",
    "موثّق",
    "مشرف",
    "مجهول",
};

struct CatalogEntry {
  std::string_view code;
  const ThreadStrings* strings;
};

constexpr CatalogEntry kCatalog[] = {
    {"en", &kEnglish}, {"ru", &kRussian}, {"hy", &kArmenian}, {"fr", &kFrench},
    {"de", &kGerman},  {"es", &kSpanish}, {"ar", &kArabic},
};

// Languages written right to left (their base codes), whether or not they have strings.
constexpr std::string_view kRightToLeft[] = {"ar", "arc", "ckb", "dv", "fa", "he",
                                             "ks", "ps",  "sd",  "ug", "ur", "yi"};

char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

Language ResolveLanguage(std::string_view tag) {
  std::string code;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) || code.size() == 8) {
      code.clear();  // not a language subtag: ignore the whole tag
      break;
    }
    code.push_back(ToLower(c));
  }
  if (code.size() < 2) code = "en";
  Language language;
  language.code = code;
  language.strings_code = "en";
  language.strings = &kEnglish;
  for (const CatalogEntry& entry : kCatalog) {
    if (entry.code == code) {
      language.strings_code = entry.code;
      language.strings = entry.strings;
    }
  }
  for (std::string_view rtl : kRightToLeft) {
    if (rtl == code) language.right_to_left = true;
  }
  return language;
}

std::string FormatCount(const Language& language, const PluralForms& forms, int64_t n) {
  std::string_view pattern;
  switch (CardinalCategory(language.strings_code, n)) {
    case PluralCategory::kZero: pattern = forms.zero; break;
    case PluralCategory::kOne: pattern = forms.one; break;
    case PluralCategory::kTwo: pattern = forms.two; break;
    case PluralCategory::kFew: pattern = forms.few; break;
    case PluralCategory::kMany: pattern = forms.many; break;
    case PluralCategory::kOther: break;
  }
  if (pattern.empty()) pattern = forms.other;
  std::string out;
  const size_t slot = pattern.find("{n}");
  if (slot == std::string_view::npos) return std::string(pattern);
  out.append(pattern.substr(0, slot));
  out.append(std::to_string(n));
  out.append(pattern.substr(slot + 3));
  return out;
}

std::string FormatName(std::string_view pattern, std::string_view name) {
  const size_t slot = pattern.find("{name}");
  if (slot == std::string_view::npos) return std::string(pattern);
  std::string out(pattern.substr(0, slot));
  out.append(name);
  out.append(pattern.substr(slot + 6));
  return out;
}

}  // namespace parley::i18n
