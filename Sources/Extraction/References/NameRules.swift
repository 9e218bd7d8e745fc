/// When a string can serve as the name of a method or system that other abstracts refer to.
///
/// Precision matters more than recall here: a bad name links every abstract that uses the word,
/// so every rule below errs on the side of not claiming a name.
public enum NameRules {
    /// Names shorter than this (in Unicode scalars) are never matched: `AI`, `Go`, `A*`, `3D`.
    public static let minimumLength = 3
    public static let maximumLength = 40
    /// A title prefix longer than this is a phrase, not a name (`An Image is Worth 16x16 Words`).
    public static let maximumWords = 3

    /// How a name is written, which decides how much evidence it needs.
    public enum Shape: Sendable, Hashable {
        /// Internal capitals, digits or all caps (`LoRA`, `HAWQ-V2`, `GPT-3`, `Llama 2`): rare as
        /// ordinary words, so one claim is enough.
        case distinctive
        /// One capitalised word (`Adam`, `Mamba`): also an ordinary word or a person's name, so
        /// the claimant must use it in its own abstract, and a use at a sentence start or next to
        /// another capitalised word does not count.
        case plainWord
    }

    /// The shape of `name`, or nil when it can never be a name.
    public static func shape(of name: String) -> Shape? {
        if let decided = asciiShape(of: name) { return decided }
        return scalarShape(of: name)
    }

    /// The general path of `shape(of:)`, for any script; tests hold the ASCII path to it.
    static func scalarShape(of name: String) -> Shape? {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= minimumLength, scalars.count <= maximumLength else { return nil }
        guard let first = scalars.first, let last = scalars.last else { return nil }
        if first == " " || last == " " || last == "-" || last == "." || last == "," { return nil }
        var letters = 0
        for scalar in scalars {
            if forbiddenScalars.contains(scalar) || scalar.properties.generalCategory == .control { return nil }
            if scalar.properties.isAlphabetic { letters += 1 }
            if scalar == "\n" || scalar == "\t" { return nil }
        }
        guard letters > 0, !isStopListed(name) else { return nil }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count <= maximumWords, !words.contains(where: \.isEmpty) else { return nil }
        let shapes = words.map { wordShape(Array($0.unicodeScalars)) }
        if words.count == 1 {
            switch shapes[0] {
            case .distinctive: return .distinctive
            case .capitalised: return .plainWord
            case .lowercase, .other: return nil
            }
        }
        // Several words: each must look like part of a proper name and one must be distinctive,
        // which keeps `Deep Learning` or `Segment Anything` out while `Llama 2` gets in.
        guard shapes.contains(.distinctive) else { return nil }
        for shape in shapes where shape == .lowercase || shape == .other { return nil }
        return .distinctive
    }

    /// The same rules as `shape(of:)` read straight off the bytes of an ASCII name (the common
    /// case); `.none` defers non-ASCII names to the general path.
    private static func asciiShape(of name: String) -> Shape?? {
        let utf8 = name.utf8
        guard utf8.count >= minimumLength, utf8.count <= maximumLength else {
            return utf8.contains(where: { $0 >= 0x80 }) ? .none : .some(nil)
        }
        return utf8.withContiguousStorageIfAvailable { bytes -> Shape?? in
            guard let first = bytes.first, let last = bytes.last else { return .some(nil) }
            if first == 0x20 || last == 0x20 || last == UInt8(ascii: "-") || last == UInt8(ascii: ".")
                || last == UInt8(ascii: ",")
            {
                return .some(nil)
            }
            var words = 0
            var distinctiveWords = 0
            var plainWords = 0
            var letters = 0
            // Per-word state.
            var wordLetters = 0
            var wordFirstUpper = false
            var wordInnerUpper = false
            var wordDigit = false
            var wordSymbol = false
            var wordLength = 0
            func endWord() -> Bool {
                guard wordLength > 0 else { return false }
                words += 1
                if wordInnerUpper || wordDigit {
                    distinctiveWords += 1
                } else if wordLetters == 0 {
                    return false
                } else if wordFirstUpper {
                    if wordSymbol { distinctiveWords += 1 } else { plainWords += 1 }
                } else if wordSymbol {
                    distinctiveWords += 1
                } else {
                    return false
                }
                wordLetters = 0
                wordFirstUpper = false
                wordInnerUpper = false
                wordDigit = false
                wordSymbol = false
                wordLength = 0
                return true
            }
            for byte in bytes {
                if byte >= 0x80 { return .none }
                if byte == 0x20 {
                    guard endWord() else { return .some(nil) }
                    continue
                }
                if byte < 0x20 || asciiForbidden.contains(byte) { return .some(nil) }
                wordLength += 1
                switch byte {
                case 0x41...0x5A:
                    letters += 1
                    wordLetters += 1
                    if wordLetters == 1 { wordFirstUpper = true } else { wordInnerUpper = true }
                case 0x61...0x7A:
                    letters += 1
                    wordLetters += 1
                case 0x30...0x39:
                    wordDigit = true
                case UInt8(ascii: "-"), UInt8(ascii: "'"):
                    // A hyphen alone makes no word distinctive (`Co-training`), as in `wordShape`.
                    break
                default:
                    wordSymbol = true
                }
            }
            guard endWord(), letters > 0, words <= maximumWords, !isStopListed(name) else { return .some(nil) }
            if words == 1 { return distinctiveWords == 1 ? .some(.distinctive) : .some(.plainWord) }
            return distinctiveWords > 0 && distinctiveWords + plainWords == words ? .some(.distinctive) : .some(nil)
        } ?? .none
    }

    private static let asciiForbidden: Set<UInt8> = Set("$\\{}\"`|<>^~:;".utf8)

    private enum WordShape { case distinctive, capitalised, lowercase, other }

    private static func wordShape(_ word: [Unicode.Scalar]) -> WordShape {
        var hasDigit = false
        var innerUpper = false
        var letters = 0
        var firstIsUpper = false
        for (index, scalar) in word.enumerated() {
            if UTF8Text.isDigit(scalar) || (scalar.properties.numericType != nil && !scalar.properties.isAlphabetic) {
                hasDigit = true
            }
            if scalar.properties.isAlphabetic {
                letters += 1
                if UTF8Text.isUpper(scalar) {
                    if letters == 1 { firstIsUpper = true } else { innerUpper = true }
                }
            }
            _ = index
        }
        if innerUpper || hasDigit { return .distinctive }
        if letters == 0 { return .other }
        if firstIsUpper {
            // `(α,β)-Net` counts as distinctive through its symbols; `Adam` or `Co-training` is a word.
            let plain = word.allSatisfy { $0.properties.isAlphabetic || $0 == "'" || $0 == "’" || $0 == "-" }
            return plain ? .capitalised : .distinctive
        }
        let symbolic = word.contains { !$0.properties.isAlphabetic && $0 != "-" && $0 != "'" }
        return symbolic ? .distinctive : .lowercase
    }

    /// Characters that mark LaTeX, markup or quoting rather than a name.
    private static let forbiddenScalars: Set<Unicode.Scalar> = [
        "$", "\\", "{", "}", "\"", "“", "”", "`", "|", "<", ">", "^", "~", ":", ";", "\u{FFFD}",
    ]

    /// All capitals (`BERT`, `HAWQ-V2`, `3DGS`): the kind of name that is also an abbreviation
    /// of a common term somewhere, so only a title can claim it.
    public static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for scalar in name.unicodeScalars where UTF8Text.isLetter(scalar) {
            if UTF8Text.isLower(scalar) { return false }
            letters += 1
        }
        return letters >= 2
    }

    // MARK: - How easily a name is coined twice

    /// Whether `name` is built only from ordinary words: one capitalised word (`Chameleon`), or
    /// camel-case or hyphenated pieces that are each a capitalised word of three or more letters
    /// or a generic acronym from the stop list (`MotionBench`, `VideoAgent`, `SceneGraph`,
    /// `TransDiff`, `MedGPT`, `GraphRAG`).
    ///
    /// Such a name says what the thing does in everyday words, so groups working on the same
    /// problem coin it independently, and often: topical agreement cannot tell their papers
    /// apart, because they are on the same topic. A name with an invented acronym, a single
    /// capital, a digit or a symbol in it (`LoRA`, `XAttention`, `FAVOR-Bench`, `Uni4D`) is a
    /// deliberate invention and rarely collides.
    public static func isMadeOfOrdinaryWords(_ name: String) -> Bool {
        var words = 0
        for part in name.unicodeScalars.split(separator: "-", omittingEmptySubsequences: false) {
            let scalars = Array(part)
            guard !scalars.isEmpty else { return false }
            // Pieces start at a capital after lower case (`MotionBench`) and at the last capital
            // of a run that lower case follows (`GPTAgent` → `GPT`, `Agent`).
            var pieceStart = 0
            for index in scalars.indices {
                let scalar = scalars[index]
                guard UTF8Text.isUpper(scalar) || UTF8Text.isLower(scalar) else { return false }
                guard index > 0, UTF8Text.isUpper(scalar) else { continue }
                let afterLower = UTF8Text.isLower(scalars[index - 1])
                let endsCapitalRun = index + 1 < scalars.count && UTF8Text.isLower(scalars[index + 1])
                if afterLower || endsCapitalRun {
                    guard let kind = ordinaryPiece(scalars[pieceStart..<index]) else { return false }
                    if kind { words += 1 }
                    pieceStart = index
                }
            }
            guard let kind = ordinaryPiece(scalars[pieceStart...]) else { return false }
            if kind { words += 1 }
        }
        return words > 0
    }

    /// true: a capitalised word of three or more letters; false: a generic acronym (`GPT`,
    /// `RAG`); nil: anything else.
    private static func ordinaryPiece(_ piece: ArraySlice<Unicode.Scalar>) -> Bool? {
        guard let first = piece.first, UTF8Text.isUpper(first) else { return nil }
        let rest = piece.dropFirst()
        if rest.allSatisfy(UTF8Text.isLower) { return piece.count >= 3 ? true : nil }
        guard rest.allSatisfy(UTF8Text.isUpper) else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: piece)
        return isStopListed(String(text)) ? false : nil
    }

    /// Whether `name` is a base name with a release number at its end: `Gemma 3`,
    /// `DeepSeek-V3.2`, `VBench-2.0`, `Llama 2`, `YOLOv12`, `Qwen2.5`, `SAM2`. A release number
    /// has one digit before its first dot, or two after a `v` (`v12`); longer numbers are sizes,
    /// years or angles that belong to the name (`Car-1000`, `DF2023`, `ACT360`). The base has at
    /// least two letters (`T5` is no release of `T`).
    public static func isVersioned(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        var start = scalars.count
        while start > 0, UTF8Text.isDigit(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        guard start < scalars.count, UTF8Text.isDigit(scalars[start]) else { return false }
        let leadingDigits = scalars[start...].prefix(while: UTF8Text.isDigit).count
        let afterV = start > 0 && (scalars[start - 1] == "v" || scalars[start - 1] == "V")
        guard leadingDigits <= (afterV ? 2 : 1) else { return false }
        // `Med-R1`, `TempR1`, `Memory-T1`: a letter-and-digit code borrowed from another model
        // (`DeepSeek-R1`) names a recipe many groups apply, not a release of this base.
        if !afterV, start > 0, UTF8Text.isUpper(scalars[start - 1]) {
            let before = start > 1 ? scalars[start - 2] : "-"
            if before == "-" || before == " " || UTF8Text.isLower(before) { return false }
        }
        return scalars[..<(afterV ? start - 1 : start)].filter(UTF8Text.isLetter).count >= 2
    }

    /// The name a title claims: the short text before its first colon (`LoRA: Low-Rank …`).
    public static func titleName(_ title: String) -> (name: String, shape: Shape)? {
        // Cheap rejection first: most titles have no colon close enough to the start.
        guard let colonByte = title.utf8.prefix(4 * maximumLength + 8).firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == 0xEF }),
            title.utf8.distance(from: title.utf8.startIndex, to: colonByte) <= 4 * maximumLength
        else { return nil }
        guard let colon = title.unicodeScalars.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let raw = String(title.unicodeScalars[..<colon])
        let prefix = raw.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) || raw.contains("  ")
            || raw.first == " " || raw.last == " " ? collapsingSpaces(raw) : raw
        guard !prefix.isEmpty, let shape = shape(of: prefix) else { return nil }
        return (prefix, shape)
    }

    /// Trims and folds every whitespace run (titles may be wrapped or padded) to one space.
    static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// Generic terms and ubiquitous acronyms that name a kind of thing rather than one system,
    /// plus words that open titles without naming anything (`Position: …`, `Survey: …`).
    /// Compared case-insensitively, so `MOE` is as generic as `MoE`.
    public static func isStopListed(_ name: String) -> Bool {
        stopList.contains(name.lowercased())
    }

    static let stopList: Set<String> = {
        let acronyms = """
            ai agi ml dl rl nlp nlu nlg cv llm llms lm lms plm plms slm slms vlm vlms mllm mllms lvlm lvlms lmm lmms \
            gpu gpus cpu cpus tpu tpus npu fpga fpgas asic soc ram dram sram hbm ssd hdd io os api apis sdk cli gui ui ux \
            cnn cnns rnn rnns lstm lstms gru grus mlp mlps gnn gnns gcn gcns gat dnn dnns ann anns snn snns nn nns \
            gan gans vae vaes moe moes rag kg kgs kv qa vqa asr tts ocr ner pos nli mt nmt sft rlhf rlaif ppo icl cot tot \
            peft sota iot iiot uav uavs ugv auv ar vr xr mr hci hri ros slam rgb rgbd rgb-d lidar radar sar mri fmri ct pet eeg ecg emg \
            pde pdes ode odes sde sdes mdp mdps pomdp pomdps sgd svm svms pca ica knn k-nn mse rmse mae mape fid iou miou \
            map psnr ssim lpips bleu rouge meteor cider auc roc auroc f1 mos wer cer snr sdr pesq stoi eer ndcg mrr ece hpc cuda html json xml sql http https url urls \
            pdf csv gps wifi wi-fi 5g 6g lte mimo ofdm noma ris irs mec v2x ev evs bev gt id ood iid i.i.d i.i.d. \
            nas hpo automl xai fl ssl mim mlm clm nsp dag dags bfs dfs lp milp ilp qp sat smt ltl ctl fsm \
            gpt gpts chatgpt openai google meta microsoft nvidia deepmind anthropic amazon apple ibm intel amd arm \
            covid covid-19 sars-cov-2 hiv dna rna mrna usa uk eu un who ieee acm arxiv github \
            pytorch tensorflow jax numpy python java javascript typescript matlab c++ c# f# rust julia swift kotlin \
            scala haskell fortran cobol perl ruby lua verilog vhdl latex linux unix windows android ios macos
            """
        let words = """
            position survey review overview tutorial introduction benchmark benchmarking dataset datasets perspective \
            perspectives editorial abstract background methods method results conclusion conclusions discussion objective \
            objectives purpose motivation approach contribution contributions keywords note notes letter report challenges \
            opportunities lessons learning deep large small scaling attention diffusion language vision robotics towards \
            toward beyond rethinking revisiting understanding improving learning evaluating exploring analyzing analysing \
            transformer transformers model models network networks agent agents data theory appendix chapter part \
            the and for with from this that what when where which why how new one two three first second third \
            transformer-based llm-based ai-based deep-learning machine-learning
            """
        var set = Set<String>()
        for entry in (acronyms + " " + words).split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            set.insert(String(entry))
        }
        return set
    }()
}
