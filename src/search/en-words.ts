import { porterStem } from './stem-en';

/*
 * English words Indonesian informants and researchers use, for the language
 * decision in stem.ts. Many carry no English-only spelling ("post", "brand",
 * "open", "live"), and many arrive with Indonesian affixes ("di-follow",
 * "ngeshare", "postingannya", "reviewnya"): knowing them lets both reach the
 * English stemmer. Base forms only; inflected forms are recognised by their
 * Porter stem.
 */
const WORDS = `
account ads advertising affiliate agency algorithm analytics app audience awareness banner benefit
bestseller bio blog booking boost booth brand branding budget bundle business buyer campaign caption
cart cash cashback cashflow catalog catalogue category channel chat checkout client cocreation
coffee collaboration collection comment commerce community company competitor competitive concept
consumer content conversion copywriting cost coupon creative creator credit crowdfunding customer
customization dashboard deadline deal dealer delivery demand design designer developer direct
discount display distributor download dropship dropshipper ecommerce email endorse endorsement
engagement entrepreneur entrepreneurship event exclusive experience export feed feedback fee flash
follow follower franchise gift giveaway growth hashtag headline highlight idea impact impression
influencer innovation insight install interest inventory invest investor invoice item launch lead
leader leadership like limited link list live logo loyal loyalty mall management manager market
marketing marketplace meeting member membership mention mentor mentoring merchandise message
minimum mission mockup model moment network networking newsletter niche offer offline online order
organic outfit outlet owner pack package packaging page paid partner partnership payment performance
person personal pitch plan platform podcast poll polling popup portfolio post poster posting
premium preorder presence price pricing process product production profile profit project promo
promotion prospect quality rate rating reach reel referral repeat repost request reseller retail
retention return revenue review reward sale sales sample scale schedule segment sell seller service
session share sharing shipping shop shopping showroom size skill skincare sold sponsor stakeholder
startup stock store story strategy streaming subscribe subscriber supplier supply support survey
sustainable tag tagline target team teamwork template testimonial testimony thread ticket timeline
tip traffic training transaction trend trending trial trust tutorial unboxing update upgrade upload
user value vendor video viral vision visitor voucher website wholesale wishlist workshop
handmade homemade custom fashion modest casual style look color colour green pink dusty sage
fresh healthy natural local global simple easy happy fun nice good best better great real cool
random fix save chill vibe mood feel feeling friend family people owner staff admin worker
absorptive acquisition analysis approach assimilation attribute based behavior behaviour capability
capacity case change code coding cognitive construct context corporate dynamic effect effectiveness
entrepreneurial equity exploitation external factor finding financial framework gratitude hypothesis
implementation intensity internal interview knowledge learning measurement mediation mediator method
moderation open orientation outcome path pattern penetration perception positioning relationship
research resistance resource seizing sensing social source structural success sustainability theme
thematic theory transforming transformation triangulation view word mouth purposive snowball
sampling qualitative quantitative informant respondent coder memo quote proposition mediating
moderating variable validity reliability insight trial business buyer polling
`;

/** English words known to the language decision. */
export const EN_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/** Porter stems of EN_WORDS, so that "followers" or "innovations" are recognised as English. */
export const EN_STEMS: ReadonlySet<string> = new Set([...EN_WORDS].map(porterStem));
