/// `Vocabulary` converted once to UTF-8 byte arrays, plus the derived spellings (title case,
/// ASCII handles) the composer needs.
typealias Bytes = [UInt8]

struct Lexicon {
    let firstNames: [Bytes]
    let lastNames: [Bytes]
    /// Lower-case ASCII folds of the names, for GitHub-style handles.
    let firstHandles: [Bytes]
    let lastHandles: [Bytes]
    let primaryCategories: [Bytes]
    let primaryCategoryCumulative: [Int]
    let secondaryCategories: [Bytes]
    let conferences: [Bytes]
    let methodParts: [Bytes]
    let repoHeads: [Bytes]
    let repoTails: [Bytes]
    let labTopics: [Bytes]
    let labKinds: [Bytes]
    let universities: [Bytes]
    let universityDomains: [Bytes]
    let hfHeads: [Bytes]
    let hfTails: [Bytes]

    let tasks: [Bytes]
    let tasksTitle: [Bytes]
    let tasksCapitalized: [Bytes]
    let fields: [Bytes]
    let approaches: [Bytes]
    let approachesCapitalized: [Bytes]
    let goals: [Bytes]
    let challenges: [Bytes]
    let resources: [Bytes]
    let resourcesTitle: [Bytes]
    let properties: [Bytes]
    let propertiesTitle: [Bytes]
    let components: [Bytes]
    let things: [Bytes]
    let phenomena: [Bytes]
    let datasets: [Bytes]
    let metrics: [Bytes]
    let baselines: [Bytes]
    let items: [Bytes]
    let annotations: [Bytes]
    let conditions: [Bytes]
    let domains: [Bytes]
    let systems: [Bytes]
    let adjectives: [Bytes]
    let verbs: [Bytes]
    let outcomes: [Bytes]
    let titleNouns: [Bytes]
    let titleAdjectives: [Bytes]

    let titleTemplates: [Template]
    let openingTemplates: [Template]
    let bodyTemplates: [Template]
    /// Steps coprime with `bodyTemplates.count`, so walking `start + k·step` never repeats a sentence.
    let bodySteps: [Int]
    let repoSentences: [Template]
    let promisedRepoSentences: [Template]
    let secondRepoSentences: [Template]
    let ownerSentences: [Template]
    let pageSentences: [Template]
    let artifactSentences: [Template]
    let arxivSentences: [Template]
    let doiSentences: [Template]
    let promiseSentences: [Bytes]
    let commentPromises: [Bytes]
    let commentRepoLabels: [Bytes]
    let commentPageLabels: [Bytes]
    let commentArtifactLabels: [Bytes]
    let commentArxivLabels: [Bytes]
    let commentDOILabels: [Bytes]
    let commentVenues: [Template]

    init() {
        func bytes(_ list: [String]) -> [Bytes] { list.map { Array($0.utf8) } }
        func capitalized(_ list: [String]) -> [Bytes] {
            list.map { Array(($0.prefix(1).uppercased() + $0.dropFirst()).utf8) }
        }
        func titleCased(_ list: [String]) -> [Bytes] {
            let minorWords: Set<Substring> = ["a", "an", "and", "of", "the", "for", "in", "on", "to", "with"]
            return list.map { phrase in
                var words = [String]()
                for (position, word) in phrase.split(separator: " ").enumerated() {
                    if position > 0 && minorWords.contains(word) {
                        words.append(String(word))
                    } else {
                        // Capitalise each hyphen-separated part: "open-vocabulary" → "Open-Vocabulary".
                        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
                        words.append(parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "-"))
                    }
                }
                return Array(words.joined(separator: " ").utf8)
            }
        }
        func asciiHandle(_ name: String) -> Bytes {
            let folds: [Character: String] = ["á": "a", "é": "e", "ë": "e", "ö": "o", "ø": "o", "ü": "u"]
            var out = ""
            for character in name.lowercased() {
                if let folded = folds[character] { out += folded } else if character.isASCII { out.append(character) }
            }
            return Array(out.utf8)
        }

        firstNames = bytes(Vocabulary.firstNames)
        lastNames = bytes(Vocabulary.lastNames)
        firstHandles = Vocabulary.firstNames.map(asciiHandle)
        lastHandles = Vocabulary.lastNames.map(asciiHandle)
        primaryCategories = bytes(Vocabulary.primaryCategories.map(\.0))
        var running = 0
        primaryCategoryCumulative = Vocabulary.primaryCategories.map { running += $0.1; return running }
        secondaryCategories = bytes(Vocabulary.secondaryCategories)
        conferences = bytes(Vocabulary.conferences)
        methodParts = bytes(Vocabulary.methodParts)
        repoHeads = bytes(Vocabulary.repoHeads)
        repoTails = bytes(Vocabulary.repoTails)
        labTopics = bytes(Vocabulary.labTopics)
        labKinds = bytes(Vocabulary.labKinds)
        universities = bytes(Vocabulary.universities)
        universityDomains = bytes(Vocabulary.universityDomains)
        hfHeads = bytes(Vocabulary.hfHeads)
        hfTails = bytes(Vocabulary.hfTails)

        tasks = bytes(Vocabulary.tasks)
        tasksTitle = titleCased(Vocabulary.tasks)
        tasksCapitalized = capitalized(Vocabulary.tasks)
        fields = bytes(Vocabulary.fields)
        approaches = bytes(Vocabulary.approaches)
        approachesCapitalized = capitalized(Vocabulary.approaches)
        goals = bytes(Vocabulary.goals)
        challenges = bytes(Vocabulary.challenges)
        resources = bytes(Vocabulary.resources)
        resourcesTitle = titleCased(Vocabulary.resources)
        properties = bytes(Vocabulary.properties)
        propertiesTitle = titleCased(Vocabulary.properties)
        components = bytes(Vocabulary.components)
        things = bytes(Vocabulary.things)
        phenomena = bytes(Vocabulary.phenomena)
        datasets = bytes(Vocabulary.datasets)
        metrics = bytes(Vocabulary.metrics)
        baselines = bytes(Vocabulary.baselines)
        items = bytes(Vocabulary.items)
        annotations = bytes(Vocabulary.annotations)
        conditions = bytes(Vocabulary.conditions)
        domains = bytes(Vocabulary.domains)
        systems = bytes(Vocabulary.systems)
        adjectives = bytes(Vocabulary.adjectives)
        verbs = bytes(Vocabulary.verbs3)
        outcomes = bytes(Vocabulary.outcomeAdjectives)
        titleNouns = bytes(Vocabulary.titleNouns)
        titleAdjectives = bytes(Vocabulary.titleAdjectives)

        titleTemplates = Template.list(Vocabulary.titleTemplates)
        openingTemplates = Template.list(Vocabulary.openingTemplates)
        bodyTemplates = Template.list(Vocabulary.bodyTemplates)
        let bodyCount = Vocabulary.bodyTemplates.count
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        bodySteps = (1..<bodyCount).filter { gcd($0, bodyCount) == 1 }
        repoSentences = Template.list(Vocabulary.repoSentences)
        promisedRepoSentences = Template.list(Vocabulary.promisedRepoSentences)
        secondRepoSentences = Template.list(Vocabulary.secondRepoSentences)
        ownerSentences = Template.list(Vocabulary.ownerSentences)
        pageSentences = Template.list(Vocabulary.pageSentences)
        artifactSentences = Template.list(Vocabulary.artifactSentences)
        arxivSentences = Template.list(Vocabulary.arxivSentences)
        doiSentences = Template.list(Vocabulary.doiSentences)
        promiseSentences = bytes(Vocabulary.promiseSentences)
        commentPromises = bytes(Vocabulary.commentPromises)
        commentRepoLabels = bytes(Vocabulary.commentRepoLabels)
        commentPageLabels = bytes(Vocabulary.commentPageLabels)
        commentArtifactLabels = bytes(Vocabulary.commentArtifactLabels)
        commentArxivLabels = bytes(Vocabulary.commentArxivLabels)
        commentDOILabels = bytes(Vocabulary.commentDOILabels)
        commentVenues = Template.list(Vocabulary.commentVenues)
    }
}
