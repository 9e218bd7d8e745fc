/// The word lists keyphrase extraction judges words by. All entries are lower-case ASCII; words
/// not listed here (including every non-English word) are content words, so text in other
/// languages is cut only at punctuation.
///
/// Three roles, from strongest to weakest:
/// - a *stop* word ends a candidate phrase (English function words, the verbs and adverbs
///   abstracts are built from, and anything that is only a number);
/// - a *weak start* word may sit inside a phrase but never begin it ("novel", "extensive",
///   "state-of-the-art": "novel diffusion sampler" is reduced to "diffusion sampler");
/// - a *generic* word is research boilerplate: a phrase made only of generic and weak words
///   ("proposed method", "experimental results", "model performance") is never a keyphrase,
///   but "diffusion model" is.
enum PhraseLexicon {
    static let stopWords: Set<String> = Set(
        """
        a about above across after afterwards again against all almost alone along already also although
        always am among amongst an and another any anyhow anyone anything anyway anywhere are around as at
        be became because become becomes becoming been before beforehand behind being below beside besides
        between beyond both but by can cannot could did do does doing done down due during each either else
        elsewhere enough etc even ever every everyone everything everywhere except few for former formerly
        from further furthermore had has have having he hence her here hereafter hereby herein hers herself
        him himself his how however i ie if in inc indeed instead into is it its itself just last latter
        latterly least less let lets may me meanwhile might mine more moreover most mostly much must my myself
        namely neither never nevertheless next no nobody none noone nor not nothing now nowhere of off often
        on once one only onto or other others otherwise our ours ourselves out over own per perhaps rather
        re same seem seemed seeming seems several she should since so some somehow someone something sometime
        sometimes somewhere still such than that the their theirs them themselves then thence there
        thereafter thereby therefore therein thereupon these they this those though through throughout thru
        thus to together too toward towards under until up upon us very via was we well were what whatever
        when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
        whither who whoever whole whom whose why will with within without would yet you your yours yourself
        yourselves vs versus eg e.g i.e cf al et non s t https http www com org io github html url urls arxiv
        two three four five six seven eight nine ten hundred thousand million billion first second third
        new novel like unlike given including include includes included especially
        propose proposes proposed proposing present presents presented presenting introduce introduces
        introduced introducing show shows showed shown showing demonstrate demonstrates demonstrated
        demonstrating achieve achieves achieved achieving outperform outperforms outperformed outperforming
        leverage leverages leveraged leveraging enable enables enabled enabling improve improves improved
        improving address addresses addressed addressing develop develops developed developing provide
        provides provided providing evaluate evaluates evaluated evaluating conduct conducts conducted
        conducting explore explores explored exploring investigate investigates investigated investigating
        obtain obtains obtained obtaining yield yields yielded yielding allow allows allowed allowing require
        requires required requiring remain remains remained remaining consider considers considered
        considering focus focuses focused focusing  uses used using utilize utilizes utilized utilizing
        employ employs employed employing apply applies applied applying make makes made making take takes
        took taken taking find finds found finding finds reveal reveals revealed revealing suggest suggests
        suggested suggesting highlight highlights highlighted highlighting offer offers offered offering
          designed designing build builds built  aim aims aimed aiming study studies
        studied studying describe describes described describing   reported reporting observe
        observes observed observing achieve surpass surpasses surpassed surpassing exhibit exhibits
        exhibited exhibiting perform performs performed performing establish establishes established
        establishing examine examines examined examining analyze analyzes analyzed analyzing analyse analyses
        analysed analysing identify identifies identified identifying  captures captured capturing
        generate generates generated generating produce produces produced producing reduce reduces reduced
        reducing increase increases increased increasing enhance enhances enhanced enhancing extend extends
         extending combine combines combined combining integrate integrates  integrating
        incorporate incorporates incorporated incorporating adopt adopts adopted adopting compare compares
        compared comparing contain contains contained containing involve involves involved involving rely
        relies relied relying lead leads led leading help helps helped helping ensure ensures ensured
        ensuring  supports supported supporting mitigate mitigates mitigated mitigating overcome
        overcomes overcame overcoming tackle tackles tackled tackling solve solves solved solving
        facilitate facilitates facilitated facilitating exploit exploits exploited exploiting achieves
         called termed dubbed known based across beyond among despite toward
        can't cannot won't isn't aren't doesn't don't didn't
        far predict predicts predicted predicting look looks looked looking written write writes wrote
        converge converges converged converging recover recovers recovered recovering generalize generalizes
        generalized generalizing meet meets met
        see sees seen saw seeing ask asks asked asking foster fosters fostered fostering run runs ran seek seeks sought seeking
        become becomes became remain aim lack lacks lacked lacking struggle struggles struggled struggling
        fail fails failed failing tend tends tended tending hinder hinders hindered hindering
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Words that may appear inside a phrase but do not start one.
    static let weakStarts: Set<String> = Set(
        """
        various different several multiple many numerous existing current recent previous prior
        traditional conventional key main comprehensive extensive effective simple general specific
        particular certain original overall better best good strong superior promising diverse challenging
        important crucial critical essential fundamental potential practical powerful competitive
        remarkable impressive additional further final other same similar entire more most less fewer wide
        broad great significant substantial considerable notable strong high higher low lower large-scale
        state-of-the-art sota real-world open-source well-known widely-used off-the-shelf plug-and-play
        efficient accurate robust scalable unified flexible lightweight fast faster reliable consistent
        superior competitive improved enhanced advanced modern standard typical common popular classical
        emerging growing increasing limited insufficient poor suboptimal underexplored
        rich complete full partial various extensive thorough rigorous systematic detailed initial
        preliminary experimental empirical theoretical our their its this
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Research boilerplate: alone, or only with each other, these never make a keyphrase.
    static let generic: Set<String> = Set(
        """
        model models method methods approach approaches framework frameworks technique techniques
        algorithm algorithms system systems result results paper papers work works study studies task tasks
        performance problem problems analysis data dataset datasets benchmark benchmarks experiment
        experiments evaluation evaluations application applications information feature features accuracy
        efficiency effectiveness quality process processes structure structures setting settings scenario
        scenarios challenge challenges limitation limitations capability capabilities ability abilities
        strategy strategies mechanism mechanisms module modules component components design designs pipeline
        pipelines tool tools solution solutions improvement improvements advance advances advancement
        advancements gain gains baseline baselines state art field fields domain domains area areas research
        researcher researchers community practice practices number set sets type types level levels way ways
        case cases example examples form forms part parts aspect aspects term terms fact effect effects
        impact role need needs issue issues trade-off tradeoff insight insights finding findings
        contribution contributions outcome outcomes property properties behavior behaviour behaviors
        scheme schemes variant variants version versions stage stages step steps phase phases aim goal
        goals objective objectives purpose context contexts condition conditions factor factors
        learning training network networks metric metrics score scores error errors loss losses cost costs
        time times size amount range rate rates order value values point points manner view perspective
        perspectives direction directions question questions answer answers idea ideas concept concepts
        notion category categories kind kinds class classes group groups basis base foundation foundations
        paradigm paradigms principle principles account process implementation implementations
        experimental empirical theoretical extensive novel new proposed art technique
        computation computations resource resources robustness generalization generalizability
        scalability interpretability reliability flexibility applicability feasibility superiority
        experimentally empirically state-of-the-art sota real-world open-source end user users people human
        humans world real task-specific margin margins
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// Whole phrases that pass the word rules but are still boilerplate.
    static let boilerplatePhrases: Set<String> = Set([
        "large margin", "wide range", "wide variety", "broad range", "recent year", "recent advance",
        "future work", "future research", "extensive experiment", "experimental result",
        "comprehensive experiment", "source code", "code", "github", "project page", "supplementary material",
        "ablation study", "ablation", "case study", "user study", "key insight", "key idea", "main idea",
        "proof of concept", "best of our knowledge", "knowledge", "state of the art", "code release",
        "publicly available", "open source", "et al", "paper", "propose", "approach", "novel method",
        "significant improvement", "remarkable performance", "superior performance",
        "competitive performance", "strong performance", "promising result", "preliminary result",
    ])

    /// Adverbs end in -ly; these nouns do too.
    static let lyNouns: Set<String> = [
        "anomaly", "anomalies", "family", "families", "assembly", "supply", "july", "italy", "poly", "fly",
        "butterfly", "ally", "allies", "reply", "rally", "monopoly", "homily", "jelly", "belly", "bully",
    ]

    /// Plural folding exceptions: words whose -s is not a plural, and irregular plurals.
    static let irregularSingular: [String: String] = [
        "analyses": "analysis", "hypotheses": "hypothesis", "theses": "thesis", "syntheses": "synthesis",
        "diagnoses": "diagnosis", "bases": "basis", "crises": "crisis", "axes": "axis",
        "indices": "index", "matrices": "matrix", "vertices": "vertex", "appendices": "appendix",
        "criteria": "criterion", "phenomena": "phenomenon", "biases": "bias", "aliases": "alias",
        "corpora": "corpus", "lenses": "lens", "atlases": "atlas", "canvases": "canvas", "gases": "gas",
        "statuses": "status", "viruses": "virus", "focuses": "focus", "consensuses": "consensus",
        "series": "series", "species": "species", "news": "news", "lens": "lens", "bias": "bias",
        "gas": "gas", "atlas": "atlas", "canvas": "canvas", "alias": "alias", "chaos": "chaos",
        "ethos": "ethos", "kudos": "kudos", "cos": "cos", "ios": "ios", "macos": "macos", "dos": "dos",
        "whereas": "whereas", "alas": "alas", "mathematics": "mathematics", "physics": "physics",
        "lives": "life", "leaves": "leaf", "halves": "half", "selves": "self", "wolves": "wolf",
        "children": "child", "people": "people", "mice": "mouse", "feet": "foot", "teeth": "tooth",
        "men": "man", "women": "woman",
    ]
}
