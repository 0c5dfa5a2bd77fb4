#!/usr/bin/env node
// Generates the built-in word lists of the discussion policy from the npm packages
// `naughty-words` (LDNOOBW, CC BY 4.0) and `cuss` (MIT), curated by the rules below, and writes
//   core/policy/word-lists.json   the lists, for people, the benchmark and the tests;
//   core/src/policy/word_lists.cpp the same lists compiled into the core.
// Run by hand (or `./dev.sh generate`) after changing the curation or the packages:
//   node core/src/policy/generate_word_lists.mjs          # rewrite both files
//   node core/src/policy/generate_word_lists.mjs --check  # exit 1 if either is out of date
//
// English: cuss rates how *sure* it is that a word is used as a profanity (2 likely, 1 maybe,
// 0 unlikely). Rating 2 becomes `banned`, rating 1 `suspect`, rating 0 is dropped; LDNOOBW
// entries cuss does not rate become `suspect`. Then curation removes what a news site's readers
// write innocently (EN_DROP: ordinary words, names, places, news vocabulary, the Scunthorpe
// set), moves mild words from banned to suspect (EN_TO_SUSPECT), keeps only the rating-1
// words that are profane in most contexts (EN_SUSPECT_KEEP), and leaves plain insults ("idiot",
// "stupid") to the personal-attack rule, which only fires when they are aimed at someone.
// Russian: LDNOOBW's list is mostly Latin transliteration; the curated transliterations are
// kept and the Cyrillic forms added by hand (RU_*), with "*" marking a stem ("пизд*").
// Armenian: a short hand-made list (HY_*).
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cuss } from 'cuss';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const jsonPath = path.join(root, 'core/policy/word-lists.json');
const cppPath = path.join(here, 'word_lists.cpp');

const naughtyPackage = require('naughty-words/package.json');
const cussPackage = JSON.parse(await readFile(path.join(root, 'node_modules/cuss/package.json'), 'utf8'));
const ldnoobwEnglish = require('naughty-words/en.json');
const ldnoobwRussian = require('naughty-words/ru.json');

// A block of whitespace-separated words; lines starting with "#" are comments.
const uncommented = (text) => text.split('\n').filter((line) => !line.trim().startsWith('#'));
const words = (text) => uncommented(text).join(' ').split(/\s+/).filter(Boolean);
// A block of phrases, one a line.
const phrases = (text) => uncommented(text).map((line) => line.trim()).filter(Boolean);

// Words a news site's readers use innocently, by reason. Matching is whole-word, so only the
// word itself needs to be here ("Scunthorpe" is safe from "cunt" without any entry).
const EN_DROP = new Set(words(`
  # ordinary English words and idioms
  balls banging barf beanbag beanbags bong booby boonie boonies booty bung chug chugs chunky
  chunkys chunkies chonky chonkies clamdigger clamdiver cockfight cocky crack cracker diddle
  dipstick dope flange gables gable gangsta geez jeez geezer hoes honkers hoser jig jigs jigger
  jiggers jiggy muff muncher nip nudger pansies pansy piker pimp pimped pimper poo poop pooper
  pooping pooperscooper puke puss quickie rearend rearentry reefer rigger rimming scallywag
  slave slavedriver slapper sloper slopers slopey slopeys slopies slopy sooties sooty spit
  spitter spunky spreadeagle squinty stringer sucker swallower swalow tang tinker tinkers
  triplex turnon vomit weenie weewee welfare whacker whiz whop wuss yank yanks loadedgun
  magicwand getiton inthebuff threeway thirdeye glazeddonut hottotrot sixsixsix sixtynine
  fingerfood gross screw smack snatch swallow tramp trap peck nook crotch tinkle stroking spade
  spades pee fart farted farting kink kinky knockers pecker shag suck sucks balls drunk drunken
  drug addict addicts abuse dumbass idiot stupid dumb moron loser looser retard retarded tard
  lowlife prick scum sissy fatso dike dyke cunnilingus
  # clipped fragments and noise in the sources
  abo abid alla armo bast bomd cra5h deth ero evl floo fok forni fu geni gipp gub groe guizi
  hore hori ike ikes ikey indon kwa ky lebo mams orga panti pendy pric pud pudd sadis sadom sandm
  shav skwa skwe sqeh squa stagg stuinties teste tortur uck vibr wab waysted wetb whash whit
  wn wuzzie xkwe xx xxx ra8s esqua exkwew flydie flydye honger kushi kushis payo cushi cushis
  ikwe mockey mockie mocky moky nittit peepshpw
  # names, places, brands, works, organisations, historical and news vocabulary
  carruth cummings cumming dahmer dink dinks dix dong fatah footstar gonzagas gora goras hamas
  hiscock hitler hitlerism hitlerist hooters jacktheripper jesus jesuschrist jihad kkk klansman
  klansmen mickeyfinn motherlovebone noonan paddy randy redskin redskins sambo sambos shylock
  shylocks taff tuckahoe usama willie willy lynch mick kotex mafia nazi neonazi santorum playboy
  playgirl octopussy lolita deepthroat
  italiano protestant god satan devil demon lucifer yankee yankees nigerian nigerians hebe
  bountybar clansman clansmen clanswoman clanswomen cheesehead cheeseheads
  maumau maumaus hillbilly hillbillies gypsy gypsies gypsys hadji hadjis haji
  hajis hajji hajjis kuffar moslem mulatto mzungu mzungus haole haoles hapa jewess boche boches
  bosche bosches boschs chav pollock pollocks pom poms negro negroes negros negroid negres
  jerries kimchis macaca macacas gringo gringos juggalo argie russki russkie
  # medical, sexual-health and anatomical words used in news and discussion
  abortion anus areola athletesfoot clitoris coitus condom copulate cybersex defecate ejaculate
  ejaculated ejaculating ejaculation enema erection excrement faeces feces fecal flatulence
  foreskin fornicate genital genitals gonorrehea hebephila hebephile hebephiles hebephilia
  hebephilic heroin herpes hiv homosexual hymen incest intercourse lactate libido masturbation
  molest molestation molester molestor necro nipple nipples nude nudity orgasm orgy orgies
  paederastic paederasts paederasty pederastic pederasts pederasty pedophile pedophiles
  pedophilia pedophilic paedophile penetration penile penis penises pornography prostitute
  pubic rape raped raping rapist rectum scrotum semen septic septics sex sexed sexing sexual
  sexually sexuality sexy sodom sodomite sperm syphilis testicle testicles uterus vagina
  vaginal vulva transvestite transexual homoerotic erotic erotism eunuch fetish bondage
  brothel lapdance tantra teat bicurious trisexual interracial threesome foursome
  daterape nymphomania nimphomania zoophilia sadism domination voyeur
  voyeurweb voyuer bestial bestiality beastial beastiality beastality sodomy sodomize sodomise
  # crimes, drugs, violence and politics that news comments discuss
  cocaine crackpipe homicide illegals lsd marijuana meth murder murderer narcotic nuke pistol
  racist radical radicals slaughter terrorist torture tnt xtc liquor swastika
 
  # the Scunthorpe set and its kin (blns.txt): innocent whole words that lists flag
  cum dick gay erection xxx bowl arsenal
  # sexual-content phrases made of ordinary words
 
 
  lovemaking nsfw
  stripclub topless undressing
  hardcore barenaked bastinado strappado swinger scissoring
  shrimping skeet snowballing grope fingering mong sexo tushy panty grostulation
  panties fondle flasher flamer fruitcake foursome nooner nymph oral peepshow pearlnecklace
  ribbed scag scat shinola sniggers stiffy trots whites wholesome pixie pixy goy goyim guinea
  guineas kraut mick dumb gob sextoy sextoys sexhouse nipplering footaction fourtwenty
  damn damnation devilworshipper
  # more ordinary words, surnames and terms that are not slurs
  niggard niggarded niggarding niggardliness niggardlinesss niggards niggardly niggle niggled
  niggles niggling nigglings ho hobo homo kum kummer cummer cumquat kumquat twink twinkie
  greaser commie bogan spick cornhole limy rere horis bule gubs lebos indons hork lugan redleg
  redlegs yellowman welcher chonkys jebus butthead squarehead klanswoman klanswomen gyopo
  gyopos kyopo kyopos hebes lesbain lesbayn lesbin bunga pocha pochas pocho pochos dyefly cohee
  chunger gummer hodgie spermacide vibrater dragqueen dragqween manhater masterblaster
  tunneloflove bareback kock coolie coolies cooly s&m
  # mild, or a word people discuss: crap in review would hold ordinary complaints
  crap crapola crapper crappy krap krappy bullcrap japcrap anal buggery nambla pissed pisser
  pisses pissin pissoff porn porno pornflick
  # names and near-spellings of ordinary words once doubled letters count ("puh-leez")
  lez lezz lezzo jigga jiga bules
`));

const EN_DROP_PHRASES = new Set(phrases(`
  tainted love
  deep throat
  fuck buttons
  suicide girls
  bounty bar
  bounty bars
  mau mau
  mau maus
  group sex
  gay sex
  date rape
  how to kill
  how to murder
  white power
  big black
  big breasts
  blonde action
  brunette action
  blonde on blonde action
  girl on
  girl on top
  hot chick
  huge fat
  jelly donut
  leather restraint
  leather straight jacket
  make me come
  missionary position
  nsfw images
  spread legs
  strip club
  sultry women
  taste my
  tied up
  tight white
  round eyes
  eight ball
  eight balls
  tongue in a
  wrapping men
  wet dream
  hard core
  menage a trois
`));

// Rated 2 (likely profane) but mild enough that review, not rejection, fits a news site.
const EN_TO_SUSPECT = new Set(words(`
  dammit damnit godammit goddamit goddammit goddamn goddamned goddamnes goddamnit gotohell
  hotdamn doodoo hooker hookers piss spunk fubar wtf hussy
  nookey nookie peepee perv limey krauts pommie pommies pommy shiksa yid yids whitey whiteys
  whities trailertrash squaw tarbaby redneck rednecks
  kacap kacapas kacaps katsap katsaps khokhol khokhols moskal moskals ukrop sleezebag
  sleezeball slimeball slimebucket smut fagging fagot shagging shaggin coolie coolies cooly
  gyp gyped gypp gypped gyppie gyppies gyppo gyppos gyppy gyppys gypo gypos gippo gippos gwailo
  gwailos gweilo gweilos fellatio boner bugger buggered buggery bollick bollock bollocks
  jackass sexpot sexkitten
`).concat(phrases(`
  white trash
  uncle tom
  tar baby
  tar babies
`)));

// Rating-1 words kept as suspect: profane or sexual in most contexts.
const EN_SUSPECT_KEEP = new Set(words(`
  analsex ballsack bastard bitch bitches boob boobs buttplug clit cock cunilingus
  cunillingus dildo fag felatio horny kock phonesex pube pussy shit strapon
  tit tits turd
`));

// Stems and compounds the packages spell out only in part.
const EN_BANNED_EXTRA = words(`
  *fuck* *fucker *fuckers cunt* nigger* nigga niggas niggaz niggah niggahs *shit asshole* whore*
  slut* twat* jizz* cocksuck* faggot* fking fkin fkn fker fkers
  motherfuck* bullshit* shitty shithead shitheads dipshit
`).concat(phrases(`
  fk off
  fk you
`));
const EN_SUSPECT_EXTRA = words(`bitch* pussies`);

// Idioms that contain a listed word ("tit for tat", "chink in the armour").
const EN_ALLOW = phrases(`
  tit for tat
  blue tit
  great tit
  chink in the armor
  chink in the armour
  chink in his armor
  chink in his armour
  chink in her armor
  chink in her armour
  chink in their armor
  chink in their armour
  chinks in the armor
  chinks in the armour
  chink of light
  cock-a-doodle-doo
  cock and bull
  weather cock
  honky tonk
  spic and span
  pussy willow
  pussy riot
`);

// LDNOOBW's Russian entries worth keeping, by list (entries are matched exactly, so they are
// given one a line: several are phrases).
const RU_LDNOOBW_BANNED = new Set(phrases(`
  dolboy'eb
  ebalnik
  ebalo
  ebalom sch'elkat
  mudack
  opizdenet
  osto'eblo
  ostokhuitel'no
  ot'ebis
  otmudohat
  otpizdit
  pizda
  pizdato
  pizdatyi
  piz'det
  pizdetc
  pizdoi nakryt'sja
  pizd'uk
  piz\`dyulina
  poeben
  proebat
  promudobl'adsksya pizdopro'ebina
  propezdoloch
  raspeezdeyi
  raspizdatyi
  raz'yebuy
  raz'yoba
  s'ebat'sya
  trimandoblydskiy pizdoproyob
  u'ebitsche
  v pizdu
  vzdrochennyi
  yeb vas
  za'ebat
  zaebis
  zalupa
  zalupat
  zlo'ebuchy
  po khuy
  poluchit pizdy
  бздёнок
  блядки
  блядовать
  блядство
  блядь
  выёбываться
  гандон
  ёбарь
  ебать
  ебать-копать
  ебло
  ебнуть
  ёб твою мать
  дрочить
  мудило
  мудозвон
  наебать
  наебениться
  наебнуться
  на хуй
  на хую вертеть
  на хуя
  нахуячиться
  не ебет
  ни хуя
  опесдол
  охуеть
  охуительно
  спиздить
  хуёво
  хуёвый
  хуеплет
  хуило
  хуиня
  хуй
  хуйнуть
  манда
  мандавошка
  малофья
`));
const RU_LDNOOBW_SUSPECT = new Set(phrases(`
  bychara
  chernozhopyi
  otsosi
  padlo
  pedik
  shalava
  styervo
  sukin syn
  svoloch
  ubl'yudok
  zasranetc
  zassat
  prosrat
  говно
  говнюк
  дерьмо
  жопа
  жополиз
  срать
  ссать
  хохол
`));

// The Cyrillic forms LDNOOBW lacks, by hand: stems ("*" = any ending) where no innocent word
// starts the same way, inflected forms where one does ("сука" but not "сук*": "сук" is a
// bough; "хуй*" but not "*хуй*": "застрахуй" is "insure!").
const RU_BANNED = words(`
  бля бляд* блят* *пизд* хуй* хуя* хуе* хуё* хую* хуи* нахуй* нахуя* похуй* похую* нихуя* охуе* охуё*
  охуи* охуя* хуяр* хуяч* хули еба* ебу* ебл* ебн* ебёт* ебет* ебёш* ебеш* ёба* заеб* заёб* наеб*
  наёб* выеб* выёб* уеб* уёб* съеб* съёб* отъеб* разъеб* подъеб* въеб* доеб* доёб* проеб* проёб*
  поеб* поёб* долбоеб* долбоёб* мудак* мудил* мудоеб* залуп* манды манде манду мандой
  мандавош* пидор* пидар* пидр* педрил* гандон* гондон* шлюх* сука суки суке суку сукой сучк*
  сучар* сукин* дроч* blyad* blyat* pizd* khuy* nahuy pohuy eblan* pidor* pidar* mudak*
`);
const RU_SUSPECT = words(`
  хер нахер похер херня херни говн* дерьм* жоп* срать насрать обосрать* обосрал* засран*
  ссать обоссат* обоссал* хохлы хохлов хохлам жид жиды жидов жидам чурка чурки чурок хач хачи
  хачей падла падлы падло шалава шалавы стерва
`);

// Armenian: a short list of words that are vulgar in every context.
const HY_BANNED = words(`բոզ բոզի բոզեր բոզություն`);
const HY_SUSPECT = words(`քաք`);

function sorted(set) {
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// Whether `pattern` (a term, maybe with "*" ends) already matches the word `term`, counting the
// automatic plural in -s. Terms it covers are left out: they would cost bytes and find nothing
// new.
function covers(pattern, term) {
  if (pattern === term) return false;
  const start = pattern.startsWith('*');
  const end = pattern.endsWith('*');
  const stem = pattern.slice(start ? 1 : 0, end ? -1 : undefined);
  if (start && end) return term.includes(stem);
  if (end) return term.startsWith(stem);
  if (start) return term.endsWith(stem) || (!stem.endsWith('s') && term.endsWith(`${stem}s`));
  return !stem.endsWith('s') && term === `${stem}s`;
}

function prune(stronger, list) {
  return list.filter((term) => !stronger.some((pattern) => covers(pattern, term)));
}

// Entries spelled with leetspeak ("brea5t", "pu55y") are left out: the folder reads leetspeak
// itself, and "brea5t" would fold to the innocent "breast". These keep their digits.
const KEEP_DIGITS = new Set(phrases(`
  2g1c
  2 girls 1 cup
  rosy palm and her 5 sisters
`));
const leet = (word) => /[0-9@$!]/.test(word) && !KEEP_DIGITS.has(word);

function english() {
  const banned = new Set();
  const suspect = new Set();
  for (const [word, rating] of Object.entries(cuss)) {
    if (EN_DROP.has(word) || EN_DROP_PHRASES.has(word) || leet(word)) continue;
    if (rating === 2) (EN_TO_SUSPECT.has(word) ? suspect : banned).add(word);
    else if (rating === 1 && EN_SUSPECT_KEEP.has(word)) suspect.add(word);
  }
  for (const word of ldnoobwEnglish) {
    if (word in cuss || EN_DROP.has(word) || EN_DROP_PHRASES.has(word) || leet(word)) continue;
    if (!/\p{L}/u.test(word)) continue;  // emoji: the folder sees no letters in them
    suspect.add(word);
  }
  for (const word of EN_BANNED_EXTRA) banned.add(word);
  for (const word of EN_SUSPECT_EXTRA) suspect.add(word);
  for (const word of banned) suspect.delete(word);
  const bannedList = prune([...banned], sorted(banned));
  return { banned: bannedList, suspect: prune([...banned, ...suspect], sorted(suspect)), allow: EN_ALLOW };
}

function russian() {
  const banned = new Set(RU_BANNED);
  const suspect = new Set(RU_SUSPECT);
  for (const word of ldnoobwRussian) {
    if (RU_LDNOOBW_BANNED.has(word)) banned.add(word);
    else if (RU_LDNOOBW_SUSPECT.has(word)) suspect.add(word);
  }
  for (const word of banned) suspect.delete(word);
  return { banned: prune([...banned], sorted(banned)), suspect: prune([...banned, ...suspect], sorted(suspect)), allow: [] };
}

function armenian() {
  return { banned: sorted(new Set(HY_BANNED)), suspect: sorted(new Set(HY_SUSPECT)), allow: [] };
}

const lists = { en: english(), ru: russian(), hy: armenian() };
const header = `Generated by core/src/policy/generate_word_lists.mjs from naughty-words ${naughtyPackage.version} ` +
  `(LDNOOBW, ${naughtyPackage.license}) and cuss ${cussPackage.version} (${cussPackage.license}). Do not edit.`;

const json = JSON.stringify({ generatedBy: header, lists }, null, 2) + '\n';

function cppString(terms) {
  // One newline-separated literal per list: compact in the .wasm and easy to read here.
  const escaped = terms.map((t) => t.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
  const lines = [];
  let line = '';
  for (const term of escaped) {
    const piece = `${term}\\n`;
    if (line && line.length + piece.length > 88) {
      lines.push(`        "${line}"`);
      line = '';
    }
    line += piece;
  }
  if (line) lines.push(`        "${line}"`);
  return lines.length ? lines.join('\n') : '        ""';
}

const kinds = [['banned', 'kBanned'], ['suspect', 'kSuspect'], ['allow', 'kAllow']];
const entries = [];
for (const [language, list] of Object.entries(lists)) {
  for (const [field, kind] of kinds) {
    entries.push(`    {"${language}", TermKind::${kind},\n${cppString(list[field])}},`);
  }
}
const cpp = `// ${header}
#include "word_lists.h"

namespace parley::policy::internal {

const BuiltInList kBuiltInLists[] = {
${entries.join('\n')}
};

const size_t kBuiltInListCount = sizeof kBuiltInLists / sizeof kBuiltInLists[0];

}  // namespace parley::policy::internal
`;

async function main() {
  const check = process.argv.includes('--check');
  const outputs = [[jsonPath, json], [cppPath, cpp]];
  let stale = false;
  for (const [file, text] of outputs) {
    if (check) {
      const current = await readFile(file, 'utf8').catch(() => '');
      if (current !== text) {
        console.error(`${path.relative(root, file)} is out of date: run node ${path.relative(root, fileURLToPath(import.meta.url))}`);
        stale = true;
      }
    } else {
      await writeFile(file, text);
    }
  }
  if (!check) {
    for (const [language, list] of Object.entries(lists)) {
      console.log(`${language}: ${list.banned.length} banned, ${list.suspect.length} suspect, ${list.allow.length} allow`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}

await main();
