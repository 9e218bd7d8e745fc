import Testing
@testable import Extraction

/// The rules that keep a name from linking when the words around it say it names something
/// else: a dataset, a metric, a device, the citing paper's own system, or part of another name.
@Suite struct NameContextTests {
    private func use(_ text: String, _ name: String) -> NameContext.Use? {
        UTF8Text.withBytes(text) { bytes in
            guard let start = UTF8Text.find(Array(name.utf8), in: bytes, from: 0, to: bytes.count) else { return nil }
            return NameContext.use(start: start, end: start + name.utf8.count, in: bytes)
        }
    }

    @Test func headNounsNameTheKindOfThing() {
        #expect(use("trained on the TACO dataset of litter", "TACO")?.head == .data)
        #expect(use("reported as the DICE score on organs", "DICE")?.head == .measure)
        #expect(use("an event camera and LED markers.", "LED")?.head == .device)
        #expect(use("ranked 3rd in the FAME 2026 challenge by", "FAME")?.head == .data)
        #expect(use("the retinal vessel benchmark DRIVE, surpassing", "DRIVE")?.head == .data)
        #expect(use("on tile-level benchmarks (i.e., HEST-Bench, THUNDER, CATCH) and", "CATCH")?.head == .data)
        #expect(use("Evaluations on the DDR, DRIVE, and IDRiD datasets show", "DRIVE")?.head == .data)
        #expect(use("Evaluations on GenImage, WildFake and Chameleon datasets show", "Chameleon")?.head == .data)
    }

    @Test func aNameGivenAValueIsAMeasure() {
        #expect(use("the system reaches a MOS of 4.52 on held-out speakers", "MOS")?.head == .measure)
        #expect(use("with an FBQ of 0.91, an FBQ of -3%, and", "FBQ")?.head == .measure)
        #expect(use("We attach a LoRA of rank 16 to every projection.", "LoRA")?.head == nil)
        #expect(use("the ZetaNet of Smith et al. is slower", "ZetaNet")?.head == nil)
        #expect(use("a ZetaNet of; 4 layers", "ZetaNet")?.head == nil)
    }

    @Test func otherNounsAndDistantHeadsDoNotCount() {
        #expect(use("We fine-tune BERT with LoRA adapters.", "LoRA")?.head == nil)
        #expect(use("We release a new dataset, and LoRA adapters for it.", "LoRA")?.head == nil)
        #expect(use("sparse attention methods (e.g., MInference, XAttention, FlexPrefill) in", "XAttention")?.head == nil)
        #expect(use("Zero-shot classifiers built on CLIP inherit its biases.", "CLIP")?.head == nil)
        #expect(use("A dataset is built. LoRA is then applied.", "LoRA")?.head == nil)
    }

    @Test func enumerationsOfThreeOrMoreNames() {
        #expect(use("experiments on the ISIC-2017, ISIC-2018, DIAS, and DRIVE. The", "DRIVE")?.inEnumeration == true)
        #expect(use("on STARE, DRIVE, and CHASE.", "DRIVE")?.inEnumeration == true)
        #expect(use("Unlike DRIVE, we infer relations.", "DRIVE")?.inEnumeration == false)
        #expect(use("We compare DRIVE and CLIP on relations.", "DRIVE")?.inEnumeration == false)
    }

    @Test func longFormsWrittenAfterTheName() {
        let orca = UTF8Text.withBytes("We compare with ORCA (Online Reasoning and Cognitive Architecture) here.") { bytes in
            NameContext.expansionAfter(name: "ORCA", end: 20, in: bytes)
        }
        #expect(orca == "online reasoning and cognitive architecture")
        let citation = UTF8Text.withBytes("We compare with ORCA (Hu et al., 2021) here.") { bytes in
            NameContext.expansionAfter(name: "ORCA", end: 20, in: bytes)
        }
        #expect(citation == nil)
    }

    @Test func namesInsideAnotherNamesLongForm() {
        let text = "We propose a Divide-and-Conquer Amnesia (DCA) strategy."
        let spans = UTF8Text.withBytes(text) { NameContext.longForms(in: $0) }
        #expect(spans.count == 1)
        let covered = spans.first.map { span in
            UTF8Text.withBytes(text) { UTF8Text.string($0, from: span.start, to: span.end) }
        }
        #expect(covered == "Divide-and-Conquer Amnesia ")
        #expect(spans.first?.name == "DCA")
    }

    @Test func expansionsThatAgree() {
        #expect(AbstractClaims.sameMeaning("low rank", "low rank adaptation"))
        #expect(AbstractClaims.sameMeaning("vision transformer", "vision transformers"))
        #expect(!AbstractClaims.sameMeaning("vision language simulation model", "vision language segmentation models"))
        #expect(!AbstractClaims.sameMeaning(nil, "low rank adaptation"))
    }
}

@Suite struct OwnNameTests {
    private func analyze(_ abstract: String) -> (claims: [String], own: [String]) {
        UTF8Text.withBytes(abstract) { bytes in
            let analysis = AbstractClaims.analyze(bytes)
            return (analysis.claims.map(\.name), analysis.ownNames)
        }
    }

    @Test func shortAcronymsAreOwnedButNotClaimed() {
        let hat = analyze("We propose the Human Action Transformer (HAT), trained on demonstrations.")
        #expect(hat.claims.isEmpty)
        #expect(hat.own == ["HAT"])
        let ddpm = analyze("We introduce denoising diffusion probabilistic models (DDPM), a class of models.")
        #expect(ddpm.claims == ["DDPM"])
    }

    @Test func introductionsOfAcronymsAreOwned() {
        #expect(analyze("To address this, we propose HAT, a spatio-temporal alignment module.") == ([], ["HAT"]))
        #expect(analyze("We propose DAM (Decision-theoretic Agent Memory), a memory policy.").own == ["DAM"])
        #expect(analyze("We propose a Limb-aware Texture Fusion (LTF) module.").own == ["LTF"])
    }

    @Test func variantsOfSomeoneElsesMethodAreNotOwned() {
        let variants = analyze("We introduce Low-Rank Adaptation (LoRA) variants for speech recognition.")
        #expect(variants.claims.isEmpty)
        #expect(!variants.own.contains("LoRA"))
        #expect(analyze("We fine-tune with Low-Rank Adaptation (LoRA) on three tasks.").own.isEmpty)
    }
}

@Suite struct NameSuffixTests {
    private func accepted(_ text: String, name: String) -> Bool {
        UTF8Text.withBytes(text) { bytes in
            guard let start = UTF8Text.find(Array(name.utf8), in: bytes, from: 0, to: bytes.count) else { return false }
            return NameBoundary.accepts(
                start: start, end: start + name.utf8.count, in: bytes, firstIsWord: true, lastIsWord: true)
        }
    }

    @Test func hyphensAndPlusSigns() {
        #expect(!accepted("both m-BERT and XLM- RoBERTa are tuned", name: "XLM"))
        #expect(accepted("LoRA- and DoRA-based adapters", name: "LoRA"))
        #expect(!accepted("XLM-R is our encoder", name: "XLM"))
        #expect(!accepted("the LED-WM world model", name: "LED"))
        #expect(accepted("ViT-B backbones", name: "ViT"))
        #expect(accepted("T5-XXL checkpoints", name: "T5"))
        #expect(!accepted("We compare LoRA+ with full tuning", name: "LoRA"))
        #expect(!accepted("GPT-J weights", name: "GPT"))
    }

    /// Tokens are trimmed on bytes: the punctuation flags and lower-cased forms are what the
    /// words say.
    @Test func tokensTrimPunctuationAndLowerCase() {
        let opener = NameContext.Token("(i.e.,")
        #expect(opener.leadingParenthesis && opener.trailingComma && !opener.endsSentence)
        #expect(opener.text == "i.e." && opener.lowered == "i.e.")
        let closing = NameContext.Token("DRIVE).")
        #expect(closing.trailingParenthesis && closing.endsSentence && closing.text == "DRIVE" && closing.lowered == "drive")
        let accented = NameContext.Token("Données;")
        #expect(accented.endsClause && accented.lowered == "données")
        #expect(NameContext.Token("And").isGlue && NameContext.Token("(,").isGlue && !NameContext.Token("Andes").isGlue)
        #expect(NameContext.Token("E.G.").text == "E.G." && !NameContext.Token("E.G.").endsSentence)
    }
}
