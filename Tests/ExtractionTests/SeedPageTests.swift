import Corpus
import Testing

@testable import Extraction

/// What we read on a seed page for one paper: its links (kind, canonical target) in order of
/// first appearance, and its code status with the deciding rule. Labelled by reading each
/// abstract; every paper not listed has no link and no code sentence.
struct SeedExpectation: Sendable {
    var titlePrefix: String
    var links: [(kind: LinkKind, target: String)]
    var status: CodeStatus
    var rule: String?

    init(_ titlePrefix: String, _ links: [(LinkKind, String)], _ status: CodeStatus, _ rule: String? = nil) {
        self.titlePrefix = titlePrefix
        self.links = links.map { (kind: $0.0, target: $0.1) }
        self.status = status
        self.rule = rule
    }
}

enum SeedLabels {
    /// `000_7cd51532e9568c3d.txt`: 26 of its 72 papers have a link or a code sentence.
    static let page000: [SeedExpectation] = [
        .init("Polynomial Composition Activations: Unleashing t", [(.repo, "github.com/brycezhuo/polycom")], .released, "repo-link"),
        .init("Power-Softmax: Towards Secure LLM Inference over", [], .released, "available-in-supplement"),
        .init("PYRA: Parallel Yielding Re-Activation for Traini", [], .promised, "promise-phrase"),
        .init("On Expressivity and Trainability of Quadratic Ne", [(.repo, "github.com/fengleifan/relinear")], .released, "repo-link"),
        .init("PLDR-LLMs Learn A Generalizable Tensor Operator", [], .released, "available-no-link"),
        .init("PHNNs: Lightweight Neural Networks via Parameter", [(.repo, "github.com/elegan23/hypernets")], .released, "repo-link"),
        .init("Concept Arithmetics for Circumventing Concept In", [(.page, "cs-people.bu.edu/vpetsiuk/arc")], .none),
        .init("MPCViT: Searching for Accurate and Efficient MPC", [(.repo, "github.com/pku-sec-lab/mpcvit")], .released, "repo-link"),
        .init("Contextual Interaction via Primitive-based Adver", [(.repo, "github.com/lisuyi/pbadv_czsl")], .released, "repo-link"),
        .init("SINC: Spatial Composition of 3D Human Motions fo", [(.page, "sinc.is.tue.mpg.de")], .released, "available-at-link"),
        .init("Neural networks behave as hash encoders: An empi", [(.repo, "github.com/leaveslei/activation-code")], .released, "repo-link"),
        .init("Automatic Perturbation Analysis for Scalable Cer", [(.repo, "github.com/kaidixu/auto_lirpa")], .released, "repo-link"),
        .init("Magnitude Invariant Parametrizations Improve Hyp", [], .released, "available-no-link"),
        .init("GraPE: A Generate-Plan-Edit Framework for Compos", [(.page, "dair-iitd.github.io/GraPE")], .none),
        .init("Step-DPO: Step-wise Preference Optimization for", [(.repo, "github.com/dvlab-research/step-dpo")], .released, "repo-link"),
        .init("Instructing Large Language Models to Identify an", [(.page, "wzy6642.github.io/I3C.github.io")], .released, "available-at-link"),
        .init("Transcoders Find Interpretable LLM Feature Circu", [(.repo, "github.com/jacobdunefsky/transcoder_circuits")], .released, "repo-link"),
        .init("URSA: Understanding and Verifying Chain-of-thoug", [], .promised, "promise-phrase"),
        .init("LLM-FP4: 4-Bit Floating-Point Quantized Transfor", [(.repo, "github.com/nbasyl/llm-fp4")], .released, "repo-link"),
        .init("Fast Certified Robust Training with Short Warmup", [(.repo, "github.com/shizhouxing/fast-certified-robust-training")], .released, "repo-link"),
        .init("Can We Generate Images with CoT? Let's Verify an", [(.repo, "github.com/ziyuguo99/image-generation-cot")], .released, "repo-link"),
        .init("InternLM-XComposer2.5-Reward: A Simple Yet Effec", [(.repo, "github.com/internlm/internlm-xcomposer")], .released, "repo-link"),
        .init("Monet: Mixture of Monosemantic Experts for Trans", [(.repo, "github.com/dmis-lab/monet")], .released, "repo-link"),
        .init("Unpacking DPO and PPO: Disentangling Best Practi", [(.repo, "github.com/hamishivi/easylm"), (.repo, "github.com/allenai/open-instruct"), (.artifact, "huggingface.co/collections/allenai/tulu-v25-suite-66676520fd578080e126f618")], .released, "repo-link"),
        .init("Bag of Tricks for Inference-time Computation of", [(.repo, "github.com/usail-hkust/benchmark_inference_time_computation_llm")], .released, "repo-link"),
        .init("Is Complexity Required for Neural Network Prunin", [(.repo, "github.com/manasgupta-1/globalmp")], .released, "repo-link"),
    ]

    /// `001_af2fbd0b350b5a69.txt`: 34 of its 88 papers have a link or a code sentence.
    static let page001: [SeedExpectation] = [
        .init("LoRAPrune: Pruning Meets Low-Rank Parameter-Effi", [], .promised, "promise-phrase"),
        .init("DB-LLM: Accurate Dual-Binarization for Efficient", [], .promised, "promise-phrase"),
        .init("ShiftAddLLM: Accelerating Pretrained LLMs via Po", [(.repo, "github.com/gatech-eic/shiftaddllm")], .released, "repo-link"),
        .init("Automatic Perturbation Analysis for Scalable Cer", [(.repo, "github.com/kaidixu/auto_lirpa")], .released, "repo-link"),
        .init("Knowledge Graph Embedding by Normalizing Flows", [(.repo, "github.com/changyi7231/nfe")], .released, "repo-link"),
        .init("Masked Thought: Simply Masking Partial Reasoning", [], .released, "available-no-link"),
        .init("Editing 3D Scenes via Text Prompts without Retra", [(.page, "sk-fun.fun/DN2N")], .none),
        .init("Shrinking Class Space for Enhanced Certainty in", [(.repo, "github.com/liheyoung/shrinkmatch")], .released, "repo-link"),
        .init("PFGM++: Unlocking the Potential of Physics-Inspi", [(.repo, "github.com/newbeeer/pfgmpp")], .released, "repo-link"),
        .init("PLeaS -- Merging Models with Permutations and Le", [(.repo, "github.com/sewoonglab/pleas-merging")], .released, "repo-link"),
        .init("Provably Robust Conformal Prediction with Improv", [(.repo, "github.com/trustworthy-ml-lab/provably-robust-conformal-prediction")], .released, "repo-link"),
        .init("Progressive Gradient Flow for Robust N:M Sparsit", [(.repo, "github.com/abhibambhaniya/progressive_gradient_flow_nm_sparsity")], .released, "repo-link"),
        .init("Compacter: Efficient Low-Rank Hypercomplex Adapt", [(.repo, "github.com/rabeehk/compacter")], .released, "repo-link"),
        .init("Sirius: Contextual Sparsity with Correction for", [(.repo, "github.com/infini-ai-lab/sirius")], .released, "repo-link"),
        .init("Improving Autoencoder-based Outlier Detection wi", [(.page, "outliernet.com")], .released, "available-at-link"),
        .init("Inversion-Free Image Editing with Natural Langua", [(.page, "sled-group.github.io/InfEdit")], .none),
        .init("R-Tuning: Teaching Large Language Models to Refu", [(.repo, "github.com/shizhediao/r-tuning")], .promised, "promise-phrase"),
        .init("Model Rubik's Cube: Twisting Resolution, Depth a", [(.repo, "github.com/huawei-noah/ghostnet"), (.page, "gitee.com/mindspore/mindspore/tree/master/model_zoo/research/cv/tinynet")], .promised, "promise-phrase"),
        .init("FlatQuant: Flatness Matters for LLM Quantization", [(.repo, "github.com/ruikangliu/flatquant")], .released, "repo-link"),
        .init("Adversarial Style Augmentation for Domain Genera", [(.repo, "github.com/ybzh/advstyle")], .promised, "promise-phrase"),
        .init("Robust Collaborative Learning with Linear Gradie", [(.repo, "github.com/lpd-epfl/robust-collaborative-learning")], .released, "repo-link"),
        .init("Sparse Iso-FLOP Transformations for Maximizing T", [(.repo, "github.com/cerebrasresearch/sparse-ift")], .released, "repo-link"),
        .init("Robust Representation Consistency Model via Cont", [(.repo, "github.com/jiachenlei/rrcm")], .released, "repo-link"),
        .init("Light Schrödinger Bridge", [(.repo, "github.com/ngushchin/lightsb")], .released, "repo-link"),
        .init("Learning Math Reasoning from Self-Sampled Correc", [(.repo, "github.com/microsoft/tracecodegen")], .released, "repo-link"),
        .init("Ctrl-U: Robust Conditional Image Generation via", [(.page, "grenoble-zhang.github.io/Ctrl-U-Page")], .promised, "promise-phrase"),
        .init("Can Language Models Perform Robust Reasoning in", [(.repo, "github.com/tmlr-group/noisyrationales")], .released, "repo-link"),
        .init("Lottery Jackpots Exist in Pre-trained Models", [(.repo, "github.com/zyxxmu/lottery-jackpots")], .released, "repo-link"),
        .init("LLMs Can Easily Learn to Reason from Demonstrati", [(.repo, "github.com/novasky-ai/skythought")], .released, "repo-link"),
        .init("Divide and Conquer for Large Language Models Rea", [(.repo, "github.com/aimijie/divide-and-conquer")], .released, "repo-link"),
        .init("Instructing Large Language Models to Identify an", [(.page, "wzy6642.github.io/I3C.github.io")], .released, "available-at-link"),
        .init("Diversify and Conquer: Diversity-Centric Data Se", [(.repo, "github.com/for-ai/iterative-data-selection")], .released, "repo-link"),
        .init("USCD: Improving Code Generation of LLMs by Uncer", [], .promised, "promise-phrase"),
        .init("CFG++: Manifold-constrained Classifier Free Guid", [(.page, "cfgpp-diffusion.github.io")], .none),
    ]

    /// `003_d3a15de0ed8ad136.txt`: 23 of its 58 papers have a link or a code sentence.
    static let page003: [SeedExpectation] = [
        .init("Polynomial Composition Activations: Unleashing t", [(.repo, "github.com/brycezhuo/polycom")], .released, "repo-link"),
        .init("Power-Softmax: Towards Secure LLM Inference over", [], .released, "available-in-supplement"),
        .init("IterComp: Iterative Composition-Aware Feedback L", [(.repo, "github.com/yangling0818/itercomp")], .released, "repo-link"),
        .init("Easier Painting Than Thinking: Can Text-to-Image", [(.page, "t2i-corebench.github.io")], .none),
        .init("MathFusion: Enhancing Mathematic Problem-solving", [(.repo, "github.com/qizhipei/mathfusion")], .released, "repo-link"),
        .init("On Expressivity and Trainability of Quadratic Ne", [(.repo, "github.com/fengleifan/relinear")], .released, "repo-link"),
        .init("Contextual Interaction via Primitive-based Adver", [(.repo, "github.com/lisuyi/pbadv_czsl")], .released, "repo-link"),
        .init("Symbolic Synthesis of Neural Networks", [(.repo, "github.com/shlomenu/symbolically_synthesized_networks")], .released, "repo-link"),
        .init("PLDR-LLMs Learn A Generalizable Tensor Operator", [], .released, "available-no-link"),
        .init("RL Tango: Reinforcing Generator and Verifier Tog", [(.repo, "github.com/kaiwenzha/rl-tango")], .released, "repo-link"),
        .init("Concept Arithmetics for Circumventing Concept In", [(.page, "cs-people.bu.edu/vpetsiuk/arc")], .none),
        .init("Compositional Scene Representation Learning via", [], .released, "available-no-link"),
        .init("Transcoders Find Interpretable LLM Feature Circu", [(.repo, "github.com/jacobdunefsky/transcoder_circuits")], .released, "repo-link"),
        .init("Vision Matters: Simple Visual Perturbations Can", [(.repo, "github.com/yutingli0606/vision-matters")], .released, "repo-link"),
        .init("Neural networks behave as hash encoders: An empi", [(.repo, "github.com/leaveslei/activation-code")], .released, "repo-link"),
        .init("Improving Reasoning Performance in Large Languag", [], .released, "available-no-link"),
        .init("Compositional Visual Generation with Composable", [(.page, "energy-based-model.github.io/Compositional-Visual-Generation-with-Composable-Diffusion-Models")], .none),
        .init("SymbolicAI: A framework for logic-based approach", [], .released, "available-no-link"),
        .init("GraPE: A Generate-Plan-Edit Framework for Compos", [(.page, "dair-iitd.github.io/GraPE")], .none),
        .init("LIMO: Less is More for Reasoning", [(.repo, "github.com/gair-nlp/limo")], .released, "repo-link"),
        .init("Number Cookbook: Number Understanding of Languag", [(.repo, "github.com/graphpku/number_cookbook")], .released, "repo-link"),
        .init("Monet: Mixture of Monosemantic Experts for Trans", [(.repo, "github.com/dmis-lab/monet")], .released, "repo-link"),
        .init("Principled Approaches for Extending Neural Archi", [(.repo, "github.com/neuraloperator/nns-to-nos")], .released, "repo-link"),
    ]

}

@Test(arguments: [
    ("000_7cd51532e9568c3d.txt", 72, SeedLabels.page000),
    ("001_af2fbd0b350b5a69.txt", 88, SeedLabels.page001),
    ("003_d3a15de0ed8ad136.txt", 58, SeedLabels.page003),
])
func seedPage(_ file: String, _ paperCount: Int, _ labels: [SeedExpectation]) throws {
    let papers = try SharedData.seedPapers(file)
    #expect(papers.count == paperCount, "papers read from \(file)")
    var used = Set<String>()
    for paper in papers {
        let record = PaperRecord(
            title: paper.title, abstract: paper.abstract, source: SourceLocation(file: file, line: 0),
            format: .huggingFacePage)
        let extraction = extract(record)
        expectValidOffsets(extraction.links, fields: ["abstract": paper.abstract])
        expectValidEvidence(extraction.code, fields: ["abstract": paper.abstract])
        let got = extraction.links.map { "\($0.kind.rawValue) \($0.target)" }
        if let label = labels.first(where: { paper.title.hasPrefix($0.titlePrefix) }) {
            used.insert(label.titlePrefix)
            #expect(got == label.links.map { "\($0.kind.rawValue) \($0.target)" }, "\(paper.title)")
            #expect(extraction.code.status == label.status, "\(paper.title)")
            #expect(extraction.code.rule == label.rule, "\(paper.title)")
        } else {
            #expect(got.isEmpty, "\(paper.title) has no link")
            #expect(extraction.code.status == .none, "\(paper.title) has no code sentence")
        }
    }
    let unused = labels.map(\.titlePrefix).filter { !used.contains($0) }
    #expect(unused.isEmpty, "labels that matched no paper: \(unused)")
}
