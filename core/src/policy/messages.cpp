#include "parley/policy/messages.h"

#include <cstddef>

namespace parley::policy {

namespace {

// One language's messages, in ReasonCode order. Messages avoid putting a noun after {n} where
// the language would make it agree with the number (Russian, Armenian, Arabic), so one string
// serves every limit.
struct Catalogue {
  std::string_view language;
  std::string_view messages[9];
};

constexpr Catalogue kCatalogues[] = {
    {"en",
     {
         "Your comment is too short.",
         "Your comment is too long (maximum: {n} characters).",
         "This word is not allowed here.",
         "This word may be offensive; a moderator will look at your comment.",
         "Please criticise the argument, not the person.",
         "Links to this site are not allowed.",
         "Too many links (maximum: {n}); a moderator will look at your comment.",
         "Please don't write in capital letters.",
         "Please don't repeat the same characters or words over and over.",
     }},
    {"ru",
     {
         "Комментарий слишком короткий.",
         "Комментарий слишком длинный: максимальная длина — {n}.",
         "Это слово здесь недопустимо.",
         "Это слово может быть оскорбительным: комментарий проверит модератор.",
         "Критикуйте доводы, а не человека.",
         "Ссылки на этот сайт запрещены.",
         "Слишком много ссылок (не больше {n}): комментарий проверит модератор.",
         "Пожалуйста, не пишите заглавными буквами.",
         "Пожалуйста, не повторяйте одни и те же символы или слова.",
     }},
    {"hy",
     {
         "Մեկնաբանությունը շատ կարճ է։",
         "Մեկնաբանությունը շատ երկար է․ առավելագույն երկարությունը՝ {n}։",
         "Այս բառն այստեղ թույլատրված չէ։",
         "Այս բառը կարող է վիրավորական լինել․ մեկնաբանությունը կստուգի մոդերատորը։",
         "Խնդրում ենք քննադատել փաստարկը, ոչ թե մարդուն։",
         "Այս կայքի հղումներն արգելված են։",
         "Չափազանց շատ հղումներ (առավելագույնը՝ {n})․ մեկնաբանությունը կստուգի մոդերատորը։",
         "Խնդրում ենք չգրել մեծատառերով։",
         "Խնդրում ենք չկրկնել նույն նշաններն ու բառերը։",
     }},
    {"fr",
     {
         "Votre commentaire est trop court.",
         "Votre commentaire est trop long (maximum : {n} caractères).",
         "Ce mot n’est pas autorisé ici.",
         "Ce mot peut être offensant : un modérateur examinera votre commentaire.",
         "Critiquez les arguments, pas la personne.",
         "Les liens vers ce site ne sont pas autorisés.",
         "Trop de liens (maximum : {n}) : un modérateur examinera votre commentaire.",
         "Merci de ne pas écrire en majuscules.",
         "Merci de ne pas répéter sans cesse les mêmes caractères ou les mêmes mots.",
     }},
    {"de",
     {
         "Ihr Kommentar ist zu kurz.",
         "Ihr Kommentar ist zu lang (höchstens {n} Zeichen).",
         "Dieses Wort ist hier nicht erlaubt.",
         "Dieses Wort könnte beleidigend sein; ein Moderator prüft Ihren Kommentar.",
         "Bitte kritisieren Sie Argumente, nicht Personen.",
         "Links auf diese Website sind nicht erlaubt.",
         "Zu viele Links (höchstens {n}); ein Moderator prüft Ihren Kommentar.",
         "Bitte schreiben Sie nicht in Großbuchstaben.",
         "Bitte wiederholen Sie nicht immer wieder dieselben Zeichen oder Wörter.",
     }},
    {"es",
     {
         "Tu comentario es demasiado corto.",
         "Tu comentario es demasiado largo (máximo: {n} caracteres).",
         "Esta palabra no está permitida aquí.",
         "Esta palabra puede ser ofensiva: un moderador revisará tu comentario.",
         "Critica los argumentos, no a la persona.",
         "No se permiten enlaces a este sitio.",
         "Demasiados enlaces (máximo: {n}): un moderador revisará tu comentario.",
         "Por favor, no escribas en mayúsculas.",
         "Por favor, no repitas los mismos caracteres o palabras una y otra vez.",
     }},
    {"ar",
     {
         "تعليقك قصير جدًا.",
         "تعليقك طويل جدًا. الحد الأقصى للطول: {n}.",
         "هذه الكلمة غير مسموح بها هنا.",
         "قد تكون هذه الكلمة مسيئة، وسيراجع أحد المشرفين تعليقك.",
         "يُرجى انتقاد الحجة لا الشخص.",
         "الروابط إلى هذا الموقع غير مسموح بها.",
         "عدد الروابط كبير جدًا (الحد الأقصى: {n})، وسيراجع أحد المشرفين تعليقك.",
         "يُرجى عدم الكتابة بالأحرف الكبيرة.",
         "يُرجى عدم تكرار الأحرف أو الكلمات نفسها مرارًا.",
     }},
};

// "ru-RU", "RU" and "ru_RU" all mean Russian: compare the primary subtag, ignoring ASCII case.
bool SameLanguage(std::string_view tag, std::string_view language) {
  const size_t end = tag.find_first_of("-_");
  if (end != std::string_view::npos) tag = tag.substr(0, end);
  if (tag.size() != language.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    char c = tag[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != language[i]) return false;
  }
  return true;
}

}  // namespace

std::string_view ReasonMessage(ReasonCode code, std::string_view lang) {
  const auto index = static_cast<size_t>(code);
  for (const Catalogue& catalogue : kCatalogues) {
    if (SameLanguage(lang, catalogue.language)) return catalogue.messages[index];
  }
  return kCatalogues[0].messages[index];
}

std::string_view MessageLanguages() { return "en ru hy fr de es ar"; }

}  // namespace parley::policy
