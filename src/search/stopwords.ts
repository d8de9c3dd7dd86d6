/*
 * Stop words, in the folded form the tokenizer produces (lower case, no
 * apostrophes: "don't" is "dont"). They are kept in the index, since phrase
 * search needs them, and left out of ranking and of term-only queries by whoever
 * calls isStopword. Words that carry meaning in these studies stay out of the
 * lists even when frequent: "usaha", "produk", and address terms such as "mbak",
 * "pak", "bu" (they locate who is speaking to whom).
 */

const INDONESIAN = `
ada adalah adanya adapun agak agar akan akhirnya aku akulah amat anda antar antara apa apakah
apalagi apabila atas atau ataukah ataupun bagai bagaimana bagaimanakah bagi bahkan bahwa bahwasanya
banyak barangkali beberapa begini begitu begitulah belum berapa bersama betapa
biar bila bilamana bisa boleh bukan bukankah bukanlah cuma dahulu dalam dan dapat dari daripada
demi dengan di dia dialah dulu entah hanya harus hingga ia ialah ini inilah itu itulah
jadi jangan jika jikalau juga justru kalau kami kamu kan kapan karena ke kemudian kenapa kepada
kita lagi lah lain lalu mana masih mau maupun melainkan meski meskipun mereka mungkin namun nanti
oleh pada padahal para per pernah pula pun saat saja sama sambil sampai sangat saya se sebab
sebagai sebelum sebenarnya sedang sedangkan sehingga sekadar sekali sekarang selain selalu seluruh
semua sendiri seperti serta sesudah setelah setiap siapa sini situ suatu sudah supaya tadi tak
tanpa tapi telah tentang tentu tersebut tetapi tidak toh untuk walau walaupun yaitu yakni yang
kalian beliau kau engkau kamilah kitalah itupun inipun tiap ketika makin semakin
sesuatu seseorang apapun siapapun manapun kapanpun begitupun
udah dah sudahlah nggak ngga enggak gak ga kagak ndak banget aja doang emang kok sih dong deh
lho loh nih tuh yuk ayo kayak kek gitu gini gimana gue gua lu lo elo loe kalo trus terus
lagian soalnya makanya pokoknya pokoke mah ya iya yah yaa nah
wis wes ora opo iso nggih mboten monggo sampeyan
yg dgn utk krn tdk sdh blm jg sy dll dsb dst
oke ok okay hehe haha wkwk wkwkwk hmm hm eh oh ah uh em eee aduh wah kah tah
`;

const ENGLISH = `
a about above after again against all also am an and any are arent as at be because been before
being below between both but by can cannot cant could couldnt did didnt do does doesnt doing dont
down during each few for from further had hadnt has hasnt have havent having he her here heres
hers herself him himself his how hows i if im in into is isnt it its itself ive just me more most
mustnt my myself no nor not of off on once only or other ought our ours ourselves out over own
same shant she shes should shouldnt so some such than that thats the their theirs them themselves
then there theres these they theyd theyll theyre theyve this those through to too under until up
very was wasnt we were werent weve what whats when whens where wheres which while who whos whom
why whys will with wont would wouldnt you youd youll youre youve your yours yourself yourselves
yeah yes um uh okay
`;

function words(block: string): ReadonlySet<string> {
  return new Set(block.split(/\s+/).filter((w) => w.length > 0));
}

/** Indonesian stop words, formal and informal (Jakarta and Javanese fillers, chat abbreviations). */
export const INDONESIAN_STOPWORDS: ReadonlySet<string> = words(INDONESIAN);

/** The usual English function words, apostrophes removed as the tokenizer removes them. */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = words(ENGLISH);

/** Whether a folded term (a `term` from tokenize) is an Indonesian or English stop word. */
export function isStopword(term: string): boolean {
  return INDONESIAN_STOPWORDS.has(term) || ENGLISH_STOPWORDS.has(term);
}
