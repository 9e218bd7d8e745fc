/// Word lists and sentence templates for synthetic abstracts. All of this text was written for
/// this benchmark; none of it is taken from real abstracts.
///
/// Templates use `{slot}` placeholders resolved by `AbstractComposer`; see `Slot` for the names.
enum Vocabulary {
    static let firstNames = [
        "Wei", "Yuki", "Anna", "Lucas", "Mei", "Omar", "Priya", "Jonas", "Sofia", "Hao",
        "Elena", "Kenji", "Maria", "Arjun", "Lena", "Chen", "David", "Fatima", "Ivan", "Julia",
        "Min", "Noah", "Olga", "Pedro", "Qiang", "Rosa", "Sven", "Tara", "Uma", "Victor",
        "Xin", "Yara", "Zhen", "Amir", "Bruno", "Clara", "Diego", "Emma", "Felix", "Grace",
        "Hiro", "Irene", "Jia", "Karim", "Linh", "Marco", "Nadia", "Oscar", "Paula", "Ravi",
        "Sara", "Tomás", "Ulrich", "Vera", "Wen", "Ximena", "Yong", "Zoë", "Jörg", "Léa",
    ]

    static let lastNames = [
        "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
        "Tanaka", "Sato", "Kim", "Park", "Nguyen", "Tran", "Singh", "Patel", "Kumar", "Shah",
        "Müller", "Schmidt", "Fischer", "Weber", "Rossi", "Russo", "Garcia", "Martinez", "Lopez",
        "Silva", "Santos", "Dubois", "Moreau", "Novak", "Kowalski", "Ivanov", "Petrov", "Smith",
        "Johnson", "Brown", "Taylor", "Wilson", "Anderson", "Thomas", "Moore", "Clark", "Lewis",
        "Walker", "Hall", "Young", "King", "Wright", "Hill", "Green", "Adams", "Baker", "Nelson",
        "Carter", "Mitchell", "Roberts", "Haddad", "Okafor", "Mensah", "Larsen", "Berg", "Søndergaard",
    ]

    static let primaryCategories: [(String, Int)] = [
        ("cs.CV", 420), ("cs.CL", 180), ("cs.LG", 120), ("cs.AI", 100), ("eess.IV", 30),
        ("cs.RO", 30), ("cs.GR", 20), ("cs.IR", 20), ("cs.HC", 15), ("cs.CR", 15),
        ("cs.SD", 10), ("stat.ML", 15), ("cs.MM", 8), ("cs.SE", 8), ("cs.NE", 9),
    ]

    static let secondaryCategories = [
        "cs.AI", "cs.LG", "cs.CV", "cs.CL", "cs.MM", "eess.IV", "cs.RO", "stat.ML", "cs.IR",
        "cs.HC", "cs.CY", "eess.SP", "cs.DC", "math.OC", "cs.NE", "q-bio.QM",
    ]

    static let conferences = [
        "CVPR", "ICCV", "ECCV", "NeurIPS", "ICML", "ICLR", "ACL", "EMNLP", "NAACL", "AAAI",
        "IJCAI", "WACV", "BMVC", "MICCAI", "ICRA", "IROS", "SIGGRAPH", "KDD", "WWW", "COLING",
    ]

    static let methodParts = [
        "Flow", "Graph", "Diff", "Vi", "Seg", "Mix", "Former", "Net", "Gen", "Align", "Prompt",
        "Fusion", "Splat", "Token", "Lo", "Ra", "Omni", "Edit", "Code", "Med", "Geo", "Sparse",
        "Quant", "Reason", "Agent", "Scene", "Motion", "Depth", "Sync", "Trace", "Loop", "Lens",
        "Pixel", "Voxel", "Hyper", "Meta", "Nova", "Echo", "Atlas", "Prism", "Relay", "Tide",
    ]

    static let repoHeads = [
        "Deep", "Fast", "Open", "Graph", "Light", "Neural", "Meta", "Multi", "Hyper", "Sparse",
        "Robust", "Scene", "Video", "Audio", "Point", "Mesh", "Text", "Vision", "Token", "Prompt",
        "Diffusion", "Contrastive", "Causal", "Federated", "Quantum", "Latent", "Masked", "Dense",
        "Efficient", "Unified", "Adaptive", "Dynamic", "Spatial", "Temporal", "Semantic", "Visual",
        "Medical", "Urban", "Mobile", "Edge", "Tiny", "Mega", "Long", "Cross", "Self", "Zero",
        "Few", "Active", "Bayes", "Kernel", "Signal", "Spectral", "Fourier", "Wavelet", "Lattice",
        "Cortex", "Atlas", "Beacon", "Compass", "Harbor",
    ]

    static let repoTails = [
        "Flow", "Net", "Former", "Seg", "Det", "Gen", "Bench", "Kit", "Lab", "Hub", "Mix",
        "Align", "Fusion", "Track", "Pose", "Depth", "Edit", "Agent", "Reasoner", "Planner",
        "Tuner", "Distill", "Prune", "Quant", "Cache", "Router", "Search", "Retriever", "Ranker",
        "Parser", "Tagger", "Encoder", "Decoder", "Sampler", "Solver", "Mapper", "Splat", "NeRF",
        "VQA", "Caption", "Speech", "Vocoder", "Recon", "Match", "Stitch", "Diff", "Guard",
        "Shield", "Probe", "Lens", "Scope", "Pilot", "Forge", "Loom", "Weave", "Pulse", "Drift",
        "Bridge", "Anchor", "Sketch",
    ]

    static let labTopics = [
        "Vision", "NLP", "ML", "Robotics", "Graphics", "Speech", "AI", "Data", "Learning",
        "Perception", "Medical", "Media", "Systems", "Security", "Language", "Imaging",
        "Autonomy", "Interaction", "Theory", "Embodied", "Sensing", "Geometry", "Audio",
        "Search", "Knowledge", "Reasoning", "Agents", "Health", "Music", "Remote",
        "Ocean", "Climate", "Brain", "Bio", "Quantum", "Edge", "Cloud", "Mobile", "Scene", "Video",
    ]

    static let labKinds = ["Lab", "Group", "Team", "Center", "Research", "Studio"]

    static let universities = [
        "TUM", "ETH", "EPFL", "MIT", "CMU", "SJTU", "THU", "PKU", "ZJU", "USTC",
        "KAIST", "SNU", "NUS", "NTU", "HKU", "CUHK", "UCL", "KTH", "UvA", "KU",
        "UBC", "UofT", "UCSD", "UCLA", "UIUC", "UW", "UMich", "JHU", "Oxford", "Inria",
    ]

    static let universityDomains = [
        "cs.examplestate.edu", "vision.northfield.edu", "ai.lakeside.ac.uk", "ml.riverton.edu",
        "robotics.hillcrest.edu", "nlp.eastbay.edu", "cv.meridian.ac.jp", "lab.westbrook.de",
        "graphics.stonebridge.edu", "www.ai.harborview.edu", "people.coastal.edu", "sites.midvale.org",
    ]

    static let hfHeads = [
        "Scene", "Med", "Code", "Math", "Chart", "Doc", "Video", "Audio", "Geo", "Bio", "Chem",
        "Legal", "Fin", "Robo", "Web", "Table", "Story", "Dialog", "Instruct", "Reason", "Vision",
        "Multi", "Long", "Safe", "Tiny", "Open", "Ego", "Drive", "Urban", "Sketch",
    ]

    static let hfTails = [
        "QA", "Bench", "Instruct", "Caption", "Eval", "Corpus", "Pairs", "Chat", "Coder", "VL",
        "Seg", "Depth", "Edit", "Mix", "Preference", "Traces", "Dialog", "Sum", "Grounding", "Tracks",
        "7B", "1.5B", "3B", "14B", "Base", "Large", "Small", "Lite", "Pro", "Mini",
    ]

    static let tasks = [
        "image segmentation", "open-vocabulary detection", "video generation", "text-to-image synthesis",
        "machine translation", "question answering", "mathematical reasoning", "code generation",
        "3D reconstruction", "novel view synthesis", "monocular depth estimation", "pose estimation",
        "visual grounding", "document understanding", "speech recognition", "retrieval-augmented generation",
        "multi-object tracking", "anomaly detection", "medical image analysis", "autonomous driving",
        "robotic manipulation", "instruction following", "long-context modeling", "semantic parsing",
        "image captioning", "visual question answering", "few-shot classification", "domain adaptation",
        "continual learning", "federated learning", "graph representation learning", "time-series forecasting",
        "recommendation", "text summarization", "dialogue generation", "point cloud completion",
        "scene graph generation", "motion prediction", "image restoration", "super-resolution",
    ]

    static let fields = [
        "computer vision", "natural language processing", "machine learning", "robotics",
        "multimodal learning", "reinforcement learning", "medical imaging", "information retrieval",
        "speech processing", "computer graphics", "embodied AI", "generative modeling",
        "representation learning", "human-computer interaction", "trustworthy AI",
    ]

    static let approaches = [
        "diffusion models", "vision transformers", "large language models", "vision-language models",
        "graph neural networks", "convolutional networks", "state-space models", "mixture-of-experts models",
        "contrastive methods", "autoregressive models", "neural radiance fields", "Gaussian splatting methods",
        "retrieval-based methods", "prompt-based methods", "end-to-end pipelines", "two-stage detectors",
        "self-supervised encoders", "reward models", "multi-agent systems", "implicit neural representations",
    ]

    static let goals = [
        "capture long-range dependencies", "generalize beyond the training distribution",
        "scale to high-resolution inputs", "preserve fine-grained details", "remain robust to noise",
        "model temporal consistency", "exploit unlabeled data", "reason over multiple steps",
        "respect physical constraints", "align with human preferences", "handle occlusions",
        "operate under tight memory budgets", "adapt to new domains", "produce calibrated uncertainty",
        "ground language in visual evidence", "recover accurate geometry", "avoid hallucinated content",
        "maintain identity across frames", "transfer across languages", "run in real time",
    ]

    static let challenges = [
        "the lack of large-scale annotated data", "the quadratic cost of attention",
        "error accumulation over long horizons", "the gap between synthetic and real data",
        "catastrophic forgetting", "spurious correlations in the training set",
        "the ambiguity of natural language instructions", "severe class imbalance",
        "the absence of reliable evaluation protocols", "limited cross-view consistency",
        "distribution shift at test time", "the high latency of iterative sampling",
        "noisy pseudo-labels", "inconsistent annotations across sources",
        "the brittleness of hand-crafted heuristics", "privacy constraints on raw data",
        "sparse and delayed rewards", "the cost of human feedback", "entangled latent factors",
        "over-smoothing in deep architectures",
    ]

    static let resources = [
        "large amounts of labeled data", "expensive human annotation", "per-scene optimization",
        "multi-view supervision", "proprietary models", "massive compute budgets",
        "handcrafted priors", "paired training data", "test-time fine-tuning", "external memory",
        "ground-truth camera poses", "dense depth supervision", "task-specific architectures",
        "carefully tuned hyperparameters", "synthetic pretraining data",
    ]

    static let properties = [
        "robustness", "efficiency", "interpretability", "scalability", "faithfulness",
        "temporal coherence", "sample efficiency", "fairness", "calibration", "controllability",
        "generalization", "diversity", "fidelity", "stability", "compositionality",
        "data efficiency", "privacy", "consistency", "expressiveness", "reproducibility",
    ]

    static let components = [
        "a hierarchical attention module", "a lightweight adapter", "a learnable token router",
        "a cross-modal fusion block", "a memory bank", "a geometry-aware decoder",
        "a contrastive alignment loss", "a frequency-domain filter", "a dual-branch encoder",
        "a curriculum sampler", "a differentiable renderer", "a graph-based reasoning module",
        "a temporal consistency regularizer", "a mixture of low-rank experts", "a diffusion prior",
        "a retrieval module", "a self-refinement loop", "an uncertainty-aware head",
        "a sparse voxel grid", "a prompt generator", "a token pruning strategy",
        "a state-space backbone", "a multi-scale feature pyramid", "a reward-guided sampler",
        "a confidence-weighted pseudo-labeler",
    ]

    static let things = [
        "local and global context", "appearance and geometry", "visual and textual cues",
        "spatial and temporal features", "semantic and instance information", "content and style",
        "coarse layouts", "fine-grained textures", "object-level relations", "scene structure",
        "user intent", "long documents", "multi-view observations", "latent trajectories",
        "reasoning chains", "intermediate representations", "noisy observations",
        "sparse keypoints", "high-frequency details", "audio and visual streams",
        "domain-invariant features", "task-specific knowledge", "physical dynamics",
        "hierarchical plans", "region-level descriptions",
    ]

    static let phenomena = [
        "attention sinks", "shortcut learning", "representation collapse", "mode collapse",
        "hallucination", "exposure bias", "feature redundancy", "label noise",
        "temporal flickering", "overconfidence", "reward hacking", "geometric drift",
        "semantic leakage", "positional bias", "emergent grouping", "error propagation",
        "memorization", "the modality gap", "texture bias", "over-refusal",
    ]

    static let datasets = [
        "SynthScenes", "UrbanDrive-3D", "MedSeg-X", "OpenCaps", "ReasonBench", "CodeTrials",
        "ChartQA-Pro", "DocVista", "PoseWild", "DepthAtlas", "VidGround", "SpeechMix",
        "LongDocQA", "RoboTable", "AeroView", "OceanSense", "HandsInAction", "EgoKitchen-S",
        "MathTrail", "LegalCite", "FinReport", "BioImage-5K", "TrafficFlow", "IndoorNav",
        "SketchWorld", "PanoRoom", "AudioCaps-S", "MultiLingQA", "SafetyProbe", "GeoCity",
        "LowLightSet", "RainDrop-R", "SatSeg", "PathoSlide", "ToolUse-Bench", "AgentArena",
        "StoryFrames", "DialogLoop", "RetailShelf", "FarmVision",
    ]

    static let metrics = [
        "accuracy", "mIoU", "F1 score", "PSNR", "SSIM", "FID", "BLEU", "success rate",
        "mean average precision", "recall@10", "exact match", "top-1 accuracy", "Dice score",
        "word error rate", "NDCG",
    ]

    static let baselines = [
        "the strongest prior method", "competitive baselines", "recent transformer-based methods",
        "commercial systems", "optimization-based approaches", "existing open-source models",
        "task-specific models", "retrieval-free baselines", "fully supervised counterparts",
        "larger proprietary models",
    ]

    static let items = [
        "scenes", "videos", "images", "documents", "dialogues", "questions", "trajectories",
        "programs", "patients", "environments", "languages", "tasks", "categories", "objects",
    ]

    static let annotations = [
        "dense masks", "bounding boxes", "step-by-step rationales", "human preference labels",
        "3D keypoints", "temporal boundaries", "expert diagnoses", "natural language descriptions",
        "depth maps", "relation triplets",
    ]

    static let conditions = [
        "adverse weather", "low-light conditions", "heavy occlusion", "adversarial perturbations",
        "limited supervision", "distribution shift", "sensor noise", "long-tailed distributions",
        "out-of-vocabulary inputs", "aggressive compression",
    ]

    static let domains = [
        "indoor", "outdoor", "clinical", "industrial", "agricultural", "aerial", "underwater",
        "egocentric", "multilingual", "legal", "financial", "educational",
    ]

    static let systems = [
        "perception pipelines", "autonomous agents", "clinical decision support tools",
        "conversational assistants", "robotic platforms", "search engines", "content creation tools",
        "edge devices", "recommendation systems", "annotation tools",
    ]

    static let adjectives = [
        "simple yet effective", "training-free", "lightweight", "scalable", "unified", "modular",
        "plug-and-play", "data-efficient", "physics-aware", "uncertainty-aware", "hierarchical",
        "end-to-end", "self-supervised", "geometry-aware", "memory-efficient", "general-purpose",
        "interpretable", "robust", "compositional", "progressive",
    ]

    static let verbs3 = [
        "disentangles", "aligns", "fuses", "refines", "aggregates", "decouples", "distills",
        "compresses", "reconstructs", "retrieves", "calibrates", "propagates", "encodes",
        "synthesizes", "localizes", "predicts", "models", "regularizes", "tokenizes", "ranks",
    ]

    static let outcomeAdjectives = [
        "coherent", "faithful", "diverse", "realistic", "accurate", "consistent", "natural",
        "detailed", "helpful", "plausible",
    ]

    static let titleNouns = [
        "Representations", "Transformers", "Diffusion", "Alignment", "Tokenization", "Reasoning",
        "Adapters", "Priors", "Agents", "Benchmarks", "Distillation", "Retrieval", "Planning",
        "Calibration", "Fusion", "Splatting", "Memory", "Routing", "Supervision", "Prompting",
    ]

    static let titleAdjectives = [
        "Efficient", "Scalable", "Robust", "Unified", "Training-Free", "Adaptive", "Hierarchical",
        "Sparse", "Self-Supervised", "Geometry-Aware", "Compositional", "Lightweight", "Faithful",
        "Interpretable", "Long-Horizon", "Multi-View", "Zero-Shot", "Few-Shot", "Physics-Informed",
        "Uncertainty-Aware",
    ]

    static let titleTemplates = [
        "{M}: {TAdj} {TNoun} for {TTask}",
        "{M}: Towards {TAdj} {TTask}",
        "{TAdj} {TNoun} for {TTask} with {M}",
        "Rethinking {TNoun} for {TTask}",
        "{M}: Learning {TAdj} {TNoun} from {Resource}",
        "When {TNoun} Meet {TNoun2}: {TAdj} {TTask}",
        "On the {Property} of {TNoun} in {TTask}",
        "{M}: A Benchmark for {TAdj} {TTask}",
        "Scaling {TNoun} for {TAdj} {TTask}",
        "{M}: {TAdj} {TTask} via {TNoun}",
    ]

    static let openingTemplates = [
        "{Task} is a fundamental problem in {field}, yet existing {approach} often fail to {goal}.",
        "Recent advances in {field} have enabled remarkable progress in {task}, but {challenge} remains largely unexplored.",
        "Despite the success of {approach} in {task}, their reliance on {resource} limits their {property}.",
        "{Approach} have recently emerged as a powerful paradigm for {task}.",
        "Understanding {phenomenon} is essential for building reliable {system}.",
        "A central goal of {field} is to {goal} while keeping inference affordable.",
        "{Task} underpins a wide range of {domain} applications, but current solutions struggle with {challenge}.",
    ]

    static let bodyTemplates = [
        "In this paper, we propose {M}, a {adj} framework that {verbs} {thing} and {thing2} within a single architecture.",
        "We introduce {M}, which leverages {component} to {goal} without {resource}.",
        "Specifically, {M} first {verbs} {thing} using {component}, and then {verbs2} {thing2} through {component2}.",
        "To address this limitation, we design {component} that explicitly models {phenomenon}.",
        "We further present a {adj} training objective that encourages {property} while preserving {property2}.",
        "Our key insight is that {phenomenon} can be captured by {component} at negligible cost.",
        "Moreover, we construct {D}, a new benchmark comprising {n} {items} annotated with {annotation}.",
        "Extensive experiments on {D}, {D2}, and {D3} demonstrate that {M} outperforms state-of-the-art methods by {p}% in {metric}.",
        "{M} achieves {x} {metric} on {D}, surpassing the previous best result by {p} points.",
        "Compared with {baseline}, our approach reduces inference cost by {f}× while maintaining comparable {metric}.",
        "Ablation studies confirm that each component contributes to the final performance.",
        "We also provide a theoretical analysis showing that {M} converges at a rate of $\\mathcal{O}(1/\\sqrt{T})$ under mild assumptions.",
        "Our analysis reveals that {phenomenon} is strongly correlated with {property}.",
        "Furthermore, {M} generalizes to unseen {items} and remains robust under {condition}.",
        "Unlike naïve {approach}, our method does not require {resource}.",
        "We show that {component} is lightweight and can be integrated into existing {system} with minimal changes.",
        "Human evaluation further indicates that {M} produces more {outcome} outputs than {baseline}.",
        "We hope that {M} will serve as a strong baseline for future research on {task}.",
        "In addition, we observe that scaling the training data yields consistent gains of up to {p}\\% in {metric}.",
        "These results suggest that {phenomenon} plays a central role in {task}.",
        "Our experiments span {n} {items} covering diverse {domain} scenarios.",
        "Notably, {M} requires only {g} GPU hours for training, roughly {f}× fewer than prior work.",
        "Qualitative results show that {M} recovers fine-grained details that are missed by {baseline}.",
        "We identify two key challenges: {challenge} and {challenge2}.",
        "Our findings highlight the importance of {property} when deploying {system} in real-world settings.",
        "On {D}, {M} improves {metric} from {x} to {x2} with fewer than {g}M additional parameters.",
        "We formulate {task} as a {adj} inference problem over {thing}.",
        "The resulting model {verbs} {thing} in a single forward pass, avoiding {challenge}.",
    ]

    static let repoSentences = [
        "Code is available at {U}.",
        "Our code and pretrained models are publicly available at {U}.",
        "The source code is released at {U}.",
        "Code and data are available at: {U}",
        "We release our implementation at {U} to facilitate future research.",
        "The implementation is open-sourced at {U}.",
        "Our codes are available at {U}",
        "All code, checkpoints and evaluation scripts can be found at {U}.",
        "Code: {U}",
        "The project repository is hosted at {U}.",
    ]

    /// A repository mentioned in promise wording: the repo exists but the code is not out yet.
    static let promisedRepoSentences = [
        "We will release the code at {U}.",
        "Code will be made available at {U} upon acceptance.",
        "The code and models will be released at {U}.",
    ]

    static let secondRepoSentences = [
        "Our implementation builds on {U}.",
        "We adopt the public toolkit {U} for all baselines.",
        "Baselines are taken from {U}.",
    ]

    static let ownerSentences = [
        "Related tools from our group are collected at {U}.",
        "Further resources are maintained under {U}.",
    ]

    static let pageSentences = [
        "Project page: {U}.",
        "Videos and additional results are available on our project page: {U}",
        "More visualizations can be found at {U}.",
        "The project website is available at {U}",
        "Please visit {U} for interactive demos.",
    ]

    static let artifactSentences = [
        "The dataset is publicly available at {U}.",
        "Models are released on Hugging Face: {U}",
        "We release the benchmark at {U} under a permissive license.",
        "An interactive demo is hosted at {U}.",
        "Checkpoints are available at {U}.",
    ]

    static let arxivSentences = [
        "This work extends our previous study ({R}) with new experiments and a stronger backbone.",
        "Unlike the concurrent approach of {R}, we do not rely on {resource}.",
        "We build on the formulation introduced in {R} and extend it to {task}.",
        "Our evaluation protocol follows {R}.",
    ]

    static let doiSentences = [
        "The final version of this article is available at {R}.",
        "An earlier version appeared in the proceedings ({R}).",
        "The accompanying dataset is archived under {R}.",
    ]

    static let promiseSentences = [
        "Code will be released upon acceptance.",
        "The code and models will be made publicly available.",
        "Our code will be released soon.",
        "Code and data are coming soon.",
        "We will release the code and benchmark to facilitate further research.",
        "The source code will be open-sourced upon publication.",
    ]

    static let commentPromises = [
        "Code will be released.",
        "Code coming soon",
        "code to be released upon acceptance",
    ]

    static let commentRepoLabels = ["Code: ", "Code is available at ", "GitHub: ", "Project code: ", "Code and data: "]
    static let commentPageLabels = ["Project page: ", "Project Page: ", "Webpage: ", "Website: "]
    static let commentArtifactLabels = ["Dataset: ", "Model: ", "Data available at "]
    static let commentArxivLabels = ["substantial text overlap with ", "extended version of ", "supersedes "]
    static let commentDOILabels = ["DOI: ", "Published version: ", "Journal version at "]
    static let commentVenues = [
        "Accepted to {C} {Y}", "Accepted at {C} {Y} (Oral)", "Under review", "Preprint",
        "Extended version of the {C} {Y} paper", "Technical report", "Camera-ready version for {C} {Y}",
    ]
}
