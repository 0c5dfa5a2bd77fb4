// The personal-attack lexicon, written by hand. Words are folded like comment text (case,
// accents, look-alikes, leetspeak), and matched whole, exactly as listed: plurals and other
// forms are spelled out, since an automatic "-s" would turn "u" into "us".
#include "attack_lexicon.h"

namespace parley::policy::internal {

const AttackWords kAttackLexicon[] = {
    // English.
    {"en", kYou | kLikeTarget, "you\nu\nya\nye\nyall\nyouse"},
    {"en", kYou | kYouNoCopula, "youre\nur"},
    {"en", kLikeTarget, "yourself\nyourselves\nurself"},
    {"en", kCopula,
     "are\nre\nr\nis\nwas\nwere\nbe\nbeen\nbeing\nseem\nseems\nseemed\nsound\nsounds\nlook\nlooks\n"
     "act\nacts\nacting\nbehave\nbehaving\nbecome\nbecame\nremain"},
    {"en", kFiller | kDeterminer, "a\nan\nthe\nsuch\nanother\none\nthose\nthese\nsome"},
    {"en", kFiller,
     "so\nreally\njust\ntruly\ntotally\ncompletely\ncomplete\ntotal\nabsolute\nabsolutely\nutter\n"
     "utterly\nreal\nvery\nmost\nbig\nbigger\nbiggest\nlittle\nsad\ndamn\ndamned\nfucking\nfreaking"
     "\n"
     "frigging\nfriggin\neffing\nbloody\nclearly\nobviously\nsimply\ncertainly\ndefinitely\n"
     "probably\nstill\nalways\nmust\ngotta\nhave\nhas\nhad\nnothing\nbut\nof\nbunch\npack\nlike\n"
     "kind\nsort\nliterally\nactually\nseriously\nproper\nright\nalso\ntoo\neven\nagain\nnow\nhere"
     "\n"
     "more\nthan\ntypical\nold\nboth"},
    {"en", kGroup,
     "people\nguys\nlot\nall\ntwo\nthree\nfolks\nlads\nkids\nboys\ngirls\nliberals\nlibs\nleftists"
     "\n"
     "lefties\nconservatives\ncons\ndemocrats\ndems\nrepublicans\ntrumpers\namericans\nrussians\n"
     "armenians\nturks\nazeris\nazerbaijanis\nmuslims\nchristians\njews\natheists\nbrits\n"
     "europeans\nwesterners"},
    {"en", kNegator,
     "not\nnever\nno\nt\nnt\naint\nisnt\narent\nwasnt\nwerent\ndont\ndoesnt\ndidnt\nwont\ncant\n"
     "cannot\naren\nisn\nwasn\nweren\ndon\ndoesn\ndidn\nwon\nwouldn\nshouldn\ncouldn\nhardly\n"
     "neither\nnor"},
    {"en", kInsult,
     "idiot\nidiots\nmoron\nmorons\nimbecile\nimbeciles\ncretin\ncretins\nretard\nretards\n"
     "dumbass\ndumbasses\ndumbfuck\ndumbfucks\njackass\njackasses\nasshole\nassholes\narsehole\n"
     "arseholes\nbastard\nbastards\ndickhead\ndickheads\ndipshit\ndipshits\ndouchebag\n"
     "douchebags\ndouche\ndouches\nscumbag\nscumbags\nloser\nlosers\nwanker\nwankers\ntwat\n"
     "twats\nprick\npricks\nbitch\nbitches\ncunt\ncunts\nmotherfucker\nmotherfuckers\nshithead\n"
     "shitheads\nfuckwit\nfuckwits\nfuckface\nfucker\nfuckers\nnumbskull\nnumbskulls\nnitwit\n"
     "nitwits\nhalfwit\nhalfwits\ndimwit\ndimwits\ndunce\ndunces\nbuffoon\nbuffoons\nignoramus\n"
     "ignoramuses\nhypocrite\nhypocrites\nliar\nliars\ncoward\ncowards\nlowlife\nlowlifes\n"
     "degenerate\ndegenerates\nscum\nswine\nvermin\nparasite\nparasites\npsycho\npsychos\n"
     "psychopath\npsychopaths\nlunatic\nlunatics\nmaniac\nmaniacs\nnutjob\nnutjobs\nnutcase\n"
     "nutcases\nfreak\nfreaks\ncreep\ncreeps\npervert\nperverts\nweirdo\nweirdos\nsimpleton\n"
     "simpletons\noaf\noafs\ntwit\ntwits\ngit\ngits\ntosser\ntossers\nplonker\nplonkers\npillock\n"
     "pillocks\nmuppet\nmuppets\nbozo\nbozos\ndoofus\ndork\ndorks\ndolt\ndolts\nshitbag\nshitbags\n"
     "dirtbag\ndirtbags\nsleazebag\nslimeball\nslimeballs\nbigot\nbigots\nracist\nracists\nnazi\n"
     "nazis\nfascist\nfascists\ntraitor\ntraitors\nsnowflake\nsnowflakes\ncuck\ncucks\nincel\n"
     "incels\nshill\nshills\nterrorist\nterrorists\nfools\ntrolls\nclowns\njerks\npigs\nrats\ntools"
     "\nsnakes\nworms\n"
     "pest\npests\nanimals\nbeast\nbeasts\nmonkeys\ndonkey\ndonkeys\nsheeple\nwaste of space\n"
     "waste of oxygen\nwaste of skin\nwaste of air\npiece of shit\npieces of shit\npiece of crap\n"
     "piece of garbage\npiece of trash\nson of a bitch\nsons of bitches\nsack of shit\n"
     "full of shit\nfull of crap\nexcuse for a human being"},
    {"en", kInsult | kVerbLike,
     "troll\nfool\nclown\njerk\npig\nrat\ndog\nass\ntool\njoke\nsnake\nworm\nanimal\nmonkey\nshee"
     "p"},
    {"en", kAdjective,
     "stupid\nstupider\nstupidest\ndumb\ndumber\ndumbest\nidiotic\nmoronic\nretarded\nbrainless\n"
     "braindead\nmindless\nclueless\npathetic\nworthless\nuseless\ndisgusting\ndespicable\n"
     "contemptible\ngullible\nspineless\ngutless\nincompetent\nilliterate\nuneducated\n"
     "delusional\nugly\nevil\nvile\ndense\nhopeless\nworst\nabsurd\nridiculous"},
    {"en", kPredicate, "suck\nsucks\nstink\nstinks"},
    {"en", kLike, "like"},
    {"en", kLeadIn, "just\nnow\nso\nplease\npls\nplz\noh\nand\nthen\nok\nokay\nwell\nyou"},
    {"en", kPhrase,
     "stfu\ngtfo\nkys\nkill yourself\nkill urself\nkill yourselves\ngo to hell\ngo fuck yourself\n"
     "fuck you\nfuck off\nscrew you\nshut the fuck up\nshut your mouth\nshut your face\n"
     "shut your trap\neat shit\nsuck my dick\nnobody likes you\ni hate you\nhate your guts\n"
     "i will kill you\ni will kill u\ni'll kill you\ni'll kill u\ngonna kill you\n"
     "going to kill you\ni hope you die\nhope you die\ndie in a fire"},
    {"en", kImperative, "shut up\ndrop dead"},

    // Russian: no copula in the present ("ты идиот"), no articles.
    {"ru", kYou | kYouNoCopula | kLikeTarget, "ты\nвы"},
    {"ru", kLikeTarget, "тебя\nвас\nтебе\nвам\nтобой\nвами"},
    {"ru", kCopula,
     "есть\nбыл\nбыла\nбыли\nбудешь\nбудете\nявляешься\nявляетесь\nоказался\nоказалась\n"
     "оказались"},
    {"ru", kFiller,
     "просто\nтакой\nтакая\nтакое\nтакие\nже\nж\nполный\nполная\nполное\nполные\nнастоящий\n"
     "настоящая\nнастоящие\nредкий\nредкая\nредкостный\nредкостная\nсамый\nсамая\nсамые\n"
     "натуральный\nнатуральная\nтут\nздесь\nи\nещё\nвообще\nреально\nдействительно\nсовсем\n"
     "явно\nтипичный\nтипичная\nобычный\nобычная\nкакой\nкакая\nкакие\nну\nодин\nодна\nодни\nиз\n"
     "этих\nтех\nсам\nсама\nсами\nлишь\nтолько\nвсего\nнавсего\nкруглый\nкруглая\nстарый\n"
     "старая"},
    {"ru", kGroup, "все\nлюди\nребята\nтоварищи\nгоспода\nтам\nдвое"},
    {"ru", kNegator, "не\nни\nнет\nотнюдь"},
    {"ru", kInsult,
     "идиот\nидиотка\nидиоты\nидиотов\nидиотина\nидиотище\nдурак\nдураки\nдураков\nдура\nдуры\n"
     "дурачок\nдурачьё\nдурень\nдебил\nдебилка\nдебилы\nдебилов\nкретин\nкретинка\nкретины\n"
     "кретинов\nпридурок\nпридурки\nпридурков\nурод\nуродина\nуроды\nуродов\nмразь\nмрази\n"
     "тварь\nтвари\nскотина\nскоты\nкозёл\nкозлы\nкозлов\nублюдок\nублюдки\nублюдков\nчмо\nлох\n"
     "лохи\nлохов\nбыдло\nосёл\nослы\nничтожество\nничтожества\nдегенерат\nдегенератка\n"
     "дегенераты\nнедоумок\nнедоумки\nтупица\nтупицы\nболван\nболваны\nолух\nолухи\nсвинья\n"
     "свиньи\nсволочь\nсволочи\nподонок\nподонки\nнегодяй\nнегодяи\nнегодяйка\nлжец\nлжецы\nлгун\n"
     "лгунья\nлгуны\nтрус\nтрусы\nтролль\nтролли\nклоун\nклоуны\nшут\nгнида\nгниды\nпаразит\n"
     "паразиты\nпаскуда\nгад\nгады\nгадина\nживотное\nживотные\nимбецил\nимбецилы\nолигофрен\n"
     "олигофрены\nдаун\nдауны\nпетух\nшавка\nдрянь\nфашист\nфашисты\nнацист\nнацисты\nпредатель\n"
     "предатели\nмудак\nмудаки\nговнюк\nзасранец"},
    {"ru", kAdjective,
     "тупой\nтупая\nтупые\nтупое\nглупый\nглупая\nглупые\nбезмозглый\nбезмозглая\nбезмозглые\n"
     "жалкий\nжалкая\nжалкие\nникчёмный\nникчёмная\nникчёмные\nничтожный\nничтожная\n"
     "ничтожные\nтупорылый\nтупорылая\nтупорылые\nмерзкий\nмерзкая\nмерзкие\nубогий\nубогая\n"
     "убогие\nконченый\nконченая\nконченые\nконченный"},
    {"ru", kLike, "как\nсловно\nвроде\nтипа"},
    {"ru", kLeadIn, "просто\nну\nда\nтак\nи\nа\nвот\nуже\nты\nвы"},
    {"ru", kPhrase,
     "заткнись\nзаткнитесь\nзакрой рот\nзакрой пасть\nзакрой варежку\nпошёл вон\nпошла вон\n"
     "пошли вон\nубирайся\nсдохни\nсдохните\nубей себя\nубейся\nчтоб ты сдох\nчтоб ты сдохла"},

    // Armenian: the copula follows ("դու ապուշ ես"), so "դու" needs no copula before the insult.
    {"hy", kYou | kYouNoCopula, "դու\nդուք"},
    {"hy", kCopula, "ես\nեք\nէիր\nէիք"},
    {"hy", kFiller, "իսկական\nլրիվ\nուղղակի\nպարզապես\nշատ\nայդպիսի\nէլ\nմի\nինչ\nինչպիսի"},
    {"hy", kNegator, "չես\nչեք\nոչ\nչէ\nչէիր"},
    {"hy", kInsult,
     "ապուշ\nապուշներ\nհիմար\nհիմարներ\nէշ\nէշեր\nանասուն\nանասուններ\nտխմար\nտխմարներ\nդեբիլ\n"
     "դեբիլներ\nսրիկա\nսրիկաներ\nստախոս\nստախոսներ\nվախկոտ\nվախկոտներ\nխոզ\nխոզեր"},
};

const size_t kAttackLexiconSize = sizeof kAttackLexicon / sizeof kAttackLexicon[0];

}  // namespace parley::policy::internal
