/**
 * Common English words — everyday vocabulary and the adjectives, nouns, colours, animals, places in
 * nature, mythology and Greek letters that company names are habitually built from ("Paragon",
 * "Apex", "Summit", "Eagle", "Positive", "Sigma"). A registry alias made only of such words and
 * business words (business-words.ts) is generic: hundreds of unrelated firms use it, so a name match
 * on it alone goes to review, never straight to an alert.
 *
 * Editorial list (about 800 words): 93% are in SCOWL's size-35 ("small") American English word
 * list, the rest are the mythological, astronomical and Greek-letter names brands reuse. A word
 * missing here makes an alias look more distinctive than it is; a word wrongly here turns an alert
 * into a review, never into silence.
 */
const WORDS = `
able about absolute access accurate ace acme acorn action active actual adaptive advantage aegis
after age agile aim air alert all allied alpha also altitude amber ample anchor ancient angel answer
any apex apollo apple approach arc arch ardent area arena armor armour arrow art artemis ascent
aspen aspire asset astute athena atlas atlantic atom aurora authentic auto autumn avenue axis azure
back badger balance balanced base basic bay beacon bear beaver bee bell benchmark best beta better
big birch bird black blade blaze blue bluebird blueprint bold bolt book boulder bound brave bravo
bridge bright brilliant broad brook brown buffalo busy cadence calm canyon capable capstone cardinal
care carbon cascade castle catalyst cedar central centurion certain chain champion change channel
charter cheap chestnut chi choice cipher circle citadel citizen city civic class classic clean
clear clever cliff close cloud coast coastal cobalt code comet common compass complete complex
concept concord concrete condor confident connect connection constant contact continental control
cool copper coral core correct cosmos county courage cove craft crane creative creek crest critical
crown crucial crystal cube culture current custom cypress daily dark dawn day dear decent deep
defender definite delta desert destiny diamond dimension direct discovery discrete distinct diverse
dolphin domain double dove dragon dream drive dynamic eager eagle early earth east eastern easy echo
eco edge effective efficient elegant element elevate elite elk elm ember emerald eminent empire
empower endless engine epic epsilon equal equity essential eta eternal ethical even ever every
evident evolution exact excel excellence excellent exchange exclusive expert explorer express extra
extreme eye factor fair faithful falcon family famous fast field fine fire firm first fixed flag
fleet flexible fluid focal focus force foremost forest forge formula fortress fortune forward
foundation fox frame framework free freedom fresh friendly front frontier full fundamental fusion
future galaxy gamma garden gate gateway gear gem generation genesis gentle genuine giant glacier
globe goal gold golden good grand granite graphic graphite gray great green grey grove guard
guardian guide gulf happy harbor harbour hard harmony harvest hawk head healthy heart heavy helios
heritage hermes high highland hill holistic home honest hope horizon horse house hub human hunter
idea ideal image immediate impact independence independent infinite inner insight inspire instant
integral integrity intelligent intense inter internal iota iron island ivy jade jaguar journey
jupiter justice kappa key keystone kind kinetic kite knight knowledge lake lambda lance land lantern
large laser last launch layer leader leadership leading leaf lean legacy legend lens level liberty
life light lighthouse lightning line linear link lion little live local lock logic logical long
look loop lotus loyal lucky luna lynx machine magic magnolia main major maple marble mark mars
master matrix maximum meadow mega mercury meridian mesa meteor method metric metro micro mid middle
mighty mill mind minimal minor mint minuteman mirror mission mode modern modular moon mosaic motion
mountain mutual name nation native natural navigator neat neptune net neutral new next nexus night
noble node north northern nova novel number oak object ocean odyssey old olive olympus omega one
onyx open operation operational ops optimal optimum option orange orbit orbital orchid organic
origin original orion osprey outlook owl pace pacific palm panther paragon path pathway patriot
pattern peak pearl pebble pegasus pelican penguin people perfect performance personal phi phoenix
pilgrim pilot pine pinnacle pioneer pivot pixel place plain plan planet platform platforms platinum
plus point polar polaris pond popular positive potential practical prairie precise premier premium
present primary prime prism pro professional progressive proper proven public pulse puma pure
purpose purple pyramid quality quantum quest quick radiant radius rain rainbow range ranger rapid
rare rational raven reach ready real reason recon red reef regional relay reliable remote rescue
resolute response rho rich ridge right rise rising river road robin robust rock rose round route
royal ruby safe sage sand sapphire saturn scale scope sea secure sense sentinel sentry shadow sharp
shield shift shore sierra sigma signal silver simple single sirius sky smart smooth snow social
solar solid sound source south southern sovereign space spark sparrow spartan special spectrum
sphere spirit spring spruce square stable stack stage standard star steady stellar step sterling
stone storm story strategy stream stride strong structure style sublime summit sun sunrise sunset
super superior supreme sure swan swift sword synergy tactical target tau team tempo theory theta
thread thrive tide tiger timber titan today torch total tough tower trail tree trend triangle
trident trinity trojan true trusted tundra ultimate ultra unified union unique unity universal
upper upsilon urban valid valley value vanguard vantage vast vault vector vega velocity venture
venus verified vertical victory view village violet virtual visible vision vista vital vivid voice
volcano voyager watch water wave way west western white whole wide wild willow wind wing winter
wisdom wise wolf worthy yellow young zebra zenith zephyr zeta zeus
`;

/**
 * The common-word list.
 *
 * @example
 * COMMON_WORDS.has('paragon'); // true
 * COMMON_WORDS.has('candiru'); // false
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((word) => word !== ''));
