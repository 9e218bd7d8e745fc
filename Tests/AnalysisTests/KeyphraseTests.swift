import Foundation
import Testing

@testable import Analysis

/// Keyphrase extraction on text written for these tests.
@Suite struct KeyphraseTests {
    /// Indexes `papers` (title, abstract) and returns every paper's keyphrases as text.
    static func keyphrases(_ papers: [(String, String)], perPaper: Int = 30) -> [[String]] {
        var indexer = KeyphraseIndexer()
        for (title, abstract) in papers { indexer.add(title: title, abstract: abstract) }
        let index = indexer.finish(phrasesPerPaper: perPaper)
        return (0..<index.paperCount).map { index.keyphrases(ofPaper: $0).map(\.phrase) }
    }

    /// Every candidate of one text, seen by pairing it with a copy (keyphrases need two papers).
    static func candidates(_ title: String, _ abstract: String) -> [String] {
        keyphrases([(title, abstract), (title, abstract)], perPaper: 1_000)[0]
    }

    @Test func phrasesStopAtStopWordsAndPunctuation() {
        let found = Set(Self.candidates(
            "Graph neural networks for molecule property prediction",
            "We train graph neural networks on molecules, and predict toxicity."))
        #expect(found.contains("graph neural networks"))
        #expect(found.contains("molecule property prediction"))
        #expect(!found.contains { $0.contains("for") || $0.contains(" on ") })
        #expect(!found.contains("molecules and predict"))
        #expect(!found.contains("toxicity graph"))
    }

    @Test func phrasesHaveAtMostFourWords() {
        let found = Self.candidates("", "alpha beta gamma delta epsilon zeta")
        #expect(found.contains("alpha beta gamma delta"))
        #expect(found.allSatisfy { $0.split(separator: " ").count <= 4 })
    }

    @Test func latexIsStripped() {
        let found = Self.candidates(
            "Sparse attention in $\\mathcal{O}(n \\log n)$ time",
            "We prove a bound of $\\sum_{i=1}^{n} x_i^2$ for \\textbf{sparse attention} \\cite{vaswani2017} "
                + "and $$E = mc^2$$ with \\(a + b\\) and \\[c\\] as shown in \\ref{fig:main}.")
        let joined = found.joined(separator: " | ")
        for debris in ["mathcal", "log", "sum", "textbf", "cite", "vaswani", "mc", "fig", "main"] {
            #expect(!joined.contains(debris), "\(debris) leaked into \(joined)")
        }
        #expect(found.contains("sparse attention"))
    }

    @Test func urlsAreStripped() {
        let found = Self.candidates(
            "Widget detection",
            "Code: https://github.com/acme/widget-net, data at huggingface.co/datasets/acme/widgets "
                + "(see www.acme-lab.org) or mail team@acme.org; widget detection works.")
        let joined = found.joined(separator: " | ")
        for debris in ["github", "acme", "huggingface", "datasets", "www", "team", "widget-net", "see"] {
            #expect(!joined.contains(debris), "\(debris) leaked into \(joined)")
        }
        #expect(found.contains("widget detection"))
    }

    @Test func pluralsFold() {
        #expect(WordTable.singular(of: "models") == "model")
        #expect(WordTable.singular(of: "studies") == "study")
        #expect(WordTable.singular(of: "approaches") == "approach")
        #expect(WordTable.singular(of: "boxes") == "box")
        #expect(WordTable.singular(of: "classes") == "class")
        #expect(WordTable.singular(of: "class") == "class")
        #expect(WordTable.singular(of: "corpus") == "corpus")
        #expect(WordTable.singular(of: "analysis") == "analysis")
        #expect(WordTable.singular(of: "biases") == "bias")
        #expect(WordTable.singular(of: "series") == "series")
        #expect(WordTable.singular(of: "robotics") == "robotics")
        #expect(WordTable.singular(of: "metrics") == "metric")
        #expect(WordTable.singular(of: "caches") == "cache")
        #expect(WordTable.singular(of: "llms") == "llm")
        #expect(WordTable.singular(of: "gas") == "gas")
    }

    @Test func singularAndPluralAreOnePhrase() {
        let papers = [
            ("Diffusion models", "Diffusion models denoise."),
            ("A diffusion model", "One diffusion model denoises."),
            ("More diffusion models", "Many diffusion models exist."),
        ]
        let index = Self.index(papers)
        let phrases = (0..<3).map { Set(index.keyphrases(ofPaper: $0).map(\.phrase)) }
        // One phrase for both forms, shown in the form written most.
        #expect(phrases.allSatisfy { $0.contains("diffusion models") })
        #expect(!phrases.contains { $0.contains("diffusion model") })
    }

    @Test func acronymsMergeWithTheirExpansion() {
        let papers = [
            ("Adapters", "Low-Rank Adaptation (LoRA) fine-tunes transformers cheaply. LoRA adds adapters."),
            ("Quantized adapters", "We quantize Low-Rank Adaptation (LoRA) weights for adapters."),
            ("Mixing adapters", "We merge several LoRA modules into one adapter."),
            ("Grounded answers", "Retrieval-augmented generation (RAG) grounds answers; RAG needs an index."),
            ("Cited answers", "Retrieval-augmented generation cites its sources."),
        ]
        let index = Self.index(papers)
        let expected = "low-rank adaptation (LoRA)"
        for paper in 0..<3 {
            let phrases = index.keyphrases(ofPaper: paper).map(\.phrase)
            #expect(phrases.contains(expected), "paper \(paper): \(phrases)")
            #expect(!phrases.contains("LoRA"), "the acronym is its expansion: \(phrases)")
        }
        // Defined by one paper only: counted as its expansion there, but not named after it.
        let phrases = index.keyphrases(ofPaper: 3).map(\.phrase)
        #expect(phrases.contains("retrieval-augmented generation"), "\(phrases)")
        #expect(!phrases.contains("RAG") && !phrases.contains("retrieval-augmented generation (RAG)"))
    }

    @Test func pluralAcronymsAndDigitAcronyms() {
        #expect(KeyphraseIndexer.longFormLength(letters: Array("llm".utf8), run: [], words: WordTable()) == nil)
        let papers = [
            ("Scaling", "Large Language Models (LLMs) scale. LLMs reason."),
            ("Prompting", "We prompt large language models (LLMs) for code."),
            ("Splats", "3D Gaussian Splatting (3DGS) renders scenes with Gaussian kernels; 3DGS is fast."),
            ("Faster splats", "We speed up 3D Gaussian Splatting (3DGS) rendering by pruning Gaussian splats."),
        ]
        let index = Self.index(papers)
        #expect(index.keyphrases(ofPaper: 0).map(\.phrase).contains("large language models (LLMs)"))
        #expect(index.keyphrases(ofPaper: 2).map(\.phrase).contains("3D Gaussian splatting (3DGS)"))
    }

    @Test func boilerplateIsNeverAKeyphrase() {
        let boilerplate = "We propose a novel method. Extensive experiments demonstrate state-of-the-art performance "
            + "and experimental results show that the proposed approach outperforms existing methods "
            + "by a large margin. In this paper, our framework achieves significant improvements."
        let found = Self.candidates("A novel framework", boilerplate)
        #expect(found.isEmpty, "boilerplate gave \(found)")
    }

    @Test func adjectivesAndNumbersDoNotEndPhrases() {
        let found = Set(Self.candidates(
            "Conditional generation", "A generative model with 7B parameters is trained for 10x faster sampling, in 3rd place."))
        for bad in ["conditional", "generative", "7B", "10x", "3rd"] { #expect(!found.contains(bad), "\(bad)") }
        #expect(found.contains("conditional generation"))
        #expect(found.contains("generative model"))
    }

    @Test func latexOnlyAndURLOnlyTextHaveNoKeyphrases() {
        let result = Self.keyphrases([
            ("", "$\\int_0^1 f(x)\\,dx = \\frac{1}{2}$"),
            ("", "https://github.com/acme/widgets"),
            ("", "$$\\alpha$$ \\cite{x} \\url{https://example.org}"),
            ("", ""),
            ("", "$ unterminated dollar and \\ trailing backslash \\"),
        ])
        #expect(result[0].isEmpty && result[1].isEmpty && result[2].isEmpty && result[3].isEmpty)
    }

    @Test func nonEnglishTextIsHandled() {
        let result = Self.keyphrases([
            ("Bildsegmentierung mit Transformern", "Wir stellen ein neues Verfahren zur Bildsegmentierung vor."),
            ("Bildsegmentierung im Detail", "Bildsegmentierung ist schwierig."),
            ("图像分割", "我们提出了一种新的图像分割方法，并在多个数据集上进行了实验。"),
            ("图像分割", "图像分割"),
            ("Сегментация изображений", "Мы предлагаем новый метод сегментации изображений."),
            ("Сегментация изображений", "Сегментация изображений."),
            ("naïve Bayes à la carte", "Le modèle naïve Bayes — simple, rapide… et «robuste»."),
        ])
        #expect(result.count == 7)
        #expect(result[0].contains { $0.lowercased() == "bildsegmentierung" }, "\(result[0])")
        // No English stop words to cut at: the scripts are kept whole, never split inside a letter.
        for phrases in result { for phrase in phrases { #expect(!phrase.isEmpty && phrase.unicodeScalars.allSatisfy { $0.value != 0xFFFD }) } }
    }

    @Test func invalidUTF8DoesNotCrash() {
        var indexer = KeyphraseIndexer()
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x28, 0xE2, 0x82, 0x20, 0x62, 0xF0, 0x9F, 0x98, 0x24, 0x5C]
        bytes.withUnsafeBufferPointer { indexer.add(titleBytes: $0, abstractBytes: $0) }
        bytes.withUnsafeBufferPointer { indexer.add(titleBytes: $0, abstractBytes: $0) }
        #expect(indexer.finish().paperCount == 2)
    }

    @Test func capitalisationFollowsRunningText() {
        let papers = (0..<4).map { i in
            ("Splatting \(i)", "We fit Gaussian splatting to scenes. Our Gaussian splatting uses LoRA adapters, not MLP layers.")
        }
        let phrases = Set(Self.index(papers).keyphrases(ofPaper: 0).map(\.phrase))
        #expect(phrases.contains("Gaussian splatting"))
        #expect(phrases.contains("LoRA adapters"))
        #expect(phrases.contains("MLP layers"))
    }

    @Test func indexingInPartsEqualsOnePass() {
        let papers = Self.sampleCorpus
        let whole = Self.index(papers)
        var first = KeyphraseIndexer(), second = KeyphraseIndexer()
        for (i, paper) in papers.enumerated() {
            if i < papers.count / 2 { first.add(title: paper.0, abstract: paper.1) } else { second.add(title: paper.0, abstract: paper.1) }
        }
        first.absorb(second)
        let merged = first.finish(phrasesPerPaper: 30)
        #expect(merged.paperCount == whole.paperCount)
        for p in 0..<whole.paperCount {
            #expect(merged.keyphrases(ofPaper: p).map(\.phrase) == whole.keyphrases(ofPaper: p).map(\.phrase))
            #expect(merged.keyphrases(ofPaper: p).map(\.score) == whole.keyphrases(ofPaper: p).map(\.score))
        }
    }

    @Test func deterministic() {
        let a = Self.index(Self.sampleCorpus), b = Self.index(Self.sampleCorpus)
        for p in 0..<a.paperCount { #expect(a.keyphrases(ofPaper: p).map(\.phrase) == b.keyphrases(ofPaper: p).map(\.phrase)) }
    }

    static func index(_ papers: [(String, String)]) -> KeyphraseIndex {
        var indexer = KeyphraseIndexer()
        for (title, abstract) in papers { indexer.add(title: title, abstract: abstract) }
        return indexer.finish(phrasesPerPaper: 30)
    }

    /// Three themes, written for these tests.
    static let sampleCorpus: [(String, String)] = [
        ("Graph neural networks for molecule property prediction",
         "Graph neural networks predict molecule properties. Message passing over molecular graphs improves toxicity prediction."),
        ("Equivariant graph neural networks for molecules",
         "We study equivariant message passing for molecule property prediction on molecular graphs."),
        ("Pretraining graph neural networks on molecular graphs",
         "Self-supervised pretraining of graph neural networks helps molecule property prediction."),
        ("Molecular graphs and message passing",
         "Message passing networks on molecular graphs capture chemistry for toxicity prediction."),
        ("Speech recognition for low-resource languages",
         "Automatic speech recognition (ASR) in low-resource languages suffers from scarce transcribed speech."),
        ("Multilingual speech recognition",
         "We pretrain automatic speech recognition (ASR) encoders on many low-resource languages."),
        ("Self-training for speech recognition",
         "Pseudo-labels improve ASR for low-resource languages with little transcribed speech."),
        ("Accent robust speech recognition",
         "Accented speech hurts ASR; we adapt speech recognition to accents in low-resource languages."),
        ("Diffusion video generation",
         "Video diffusion models generate videos from text; temporal attention keeps frames consistent."),
        ("Long video generation with diffusion",
         "We extend video diffusion models to long video generation with temporal attention."),
        ("Controllable video generation",
         "Camera control for video diffusion models enables controllable video generation."),
        ("Fast video diffusion sampling",
         "Distillation speeds up sampling of video diffusion models for video generation."),
    ]
}
