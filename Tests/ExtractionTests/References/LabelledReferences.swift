import Corpus
@testable import Extraction

/// A hand-labelled set for paper-reference resolution. Every abstract here is our own wording;
/// titles, authors and dates of the real papers are their public metadata, fictional papers are
/// marked as such. Each citing snippet lists what a careful reader says it refers to: a stored
/// paper (by alias), or nil for a reference that cannot be pinned to exactly one stored paper.
enum LabelledReferences {
    struct Expected: Hashable {
        var rule: ReferenceRule
        var text: String
        var cited: String?
    }

    struct Item {
        var alias: String
        var record: PaperRecord
        var expected: [Expected]
    }

    static func paper(
        _ alias: String, arxiv: String? = nil, doi: String? = nil, title: String, authors: [String], date: String,
        _ abstract: String, refs: [Expected] = []
    ) -> Item {
        Item(
            alias: alias,
            record: PaperRecord(
                arxivID: arxiv, doi: doi, title: title, abstract: abstract, authors: authors, categories: ["cs.LG"],
                date: date, source: SourceLocation(file: "labelled", line: 1), format: .arxivListing),
            expected: refs)
    }

    static func ident(_ text: String, _ cited: String?) -> Expected { Expected(rule: .identifier, text: text, cited: cited) }

    static func name(_ text: String, _ cited: String?) -> Expected { Expected(rule: .name, text: text, cited: cited) }
    static func cite(_ text: String, _ cited: String?) -> Expected { Expected(rule: .authorYear, text: text, cited: cited) }
    static func title(_ text: String, _ cited: String?) -> Expected { Expected(rule: .title, text: text, cited: cited) }

    /// Papers that others refer to. Their abstracts are scanned too (self-references must not count).
    static let cited: [Item] = [
        paper("lora", arxiv: "2106.09685", title: "LoRA: Low-Rank Adaptation of Large Language Models",
              authors: ["Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu"], date: "2021-06-17",
              "Fine-tuning every weight of a huge model is costly. We freeze the pretrained weights and learn a pair of small rank-decomposition matrices per layer; LoRA matches full fine-tuning quality with far fewer trainable parameters."),
        paper("bert", arxiv: "1810.04805",
              title: "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
              authors: ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"], date: "2018-10-11",
              "We pretrain a bidirectional encoder on masked tokens and next-sentence prediction, then fine-tune it with one extra output layer. BERT sets new results on eleven language tasks."),
        paper("adam", arxiv: "1412.6980", title: "Adam: A Method for Stochastic Optimization",
              authors: ["Diederik P. Kingma", "Jimmy Ba"], date: "2014-12-22",
              "We introduce Adam, an algorithm for first-order stochastic optimization based on adaptive estimates of lower-order moments. It is simple, memory-light and invariant to gradient rescaling."),
        paper("vit", arxiv: "2010.11929",
              title: "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
              authors: ["Alexey Dosovitskiy", "Lucas Beyer", "Alexander Kolesnikov"], date: "2020-10-22",
              "Convolutions are not necessary for vision. We split an image into patches and feed them to a standard transformer, which we call the Vision Transformer (ViT); pretrained at scale it rivals convolutional networks."),
        paper("clip", arxiv: "2103.00020", title: "Learning Transferable Visual Models From Natural Language Supervision",
              authors: ["Alec Radford", "Jong Wook Kim", "Chris Hallacy"], date: "2021-02-26",
              "We present Contrastive Language-Image Pre-training (CLIP), which learns image representations by predicting which caption goes with which image among 400 million web pairs, enabling zero-shot transfer."),
        paper("ddpm", arxiv: "2006.11239", title: "Denoising Diffusion Probabilistic Models",
              authors: ["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"], date: "2020-06-19",
              "We introduce denoising diffusion probabilistic models (DDPM), latent variable models trained by reversing a gradual noising process, and obtain high quality image samples."),
        paper("nerf", arxiv: "2003.08934", title: "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
              authors: ["Ben Mildenhall", "Pratul P. Srinivasan", "Matthew Tancik"], date: "2020-03-19",
              "We represent a scene as a continuous volumetric function queried by a small network and render novel views by classic volume rendering."),
        paper("gpt3", arxiv: "2005.14165", title: "Language Models are Few-Shot Learners",
              authors: ["Tom B. Brown", "Benjamin Mann", "Nick Ryder"], date: "2020-05-28",
              "Scaling up language models greatly improves few-shot performance. We train GPT-3, an autoregressive model with 175 billion parameters, and test it purely through text prompts."),
        paper("hawq", arxiv: "1905.03696", title: "HAWQ: Hessian AWare Quantization of Neural Networks with Mixed-Precision",
              authors: ["Zhen Dong", "Zhewei Yao", "Amir Gholami"], date: "2019-04-29",
              "We choose per-layer bit widths from the top Hessian eigenvalue and order fine-tuning by block sensitivity."),
        paper("hawqv2", arxiv: "1911.03852", title: "HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks",
              authors: ["Zhen Dong", "Zhewei Yao", "Yaohui Cai"], date: "2019-11-10",
              "We replace the top eigenvalue with the Hessian trace, which gives a better sensitivity metric than HAWQ and needs no manual ordering.",
              refs: [name("HAWQ", "hawq")]),
        paper("pruner", arxiv: "2305.11627", title: "LLM-Pruner: On the Structural Pruning of Large Language Models",
              authors: ["Xinyin Ma", "Gongfan Fang", "Xinchao Wang"], date: "2023-05-19",
              "We propose LLM-Pruner, a task-agnostic structural pruning method. LLM-Pruner removes coupled structures by gradient importance and recovers quality with a few hours of tuning (Ma et al., 2023)."),
        paper("soft", title: "SoFT: Sparse Orthogonal Fine-Tuning of Vision Models (fictional)",
              authors: ["Nadia Okafor", "Pei Lin"], date: "2023-09-01",
              "A fictional paper for tests. We rotate a sparse set of weight directions instead of adding adapters, which keeps soft constraints on the update norm."),
        paper("pointnet2", arxiv: "1706.02413", title: "PointNet++: Deep Hierarchical Feature Learning on Point Sets in a Metric Space",
              authors: ["Charles R. Qi", "Li Yi", "Hao Su", "Leonidas J. Guibas"], date: "2017-06-07",
              "We apply a point-set network recursively on nested partitions of the input to learn local features at growing scales."),
        paper("alphabeta", title: "(α,β)-Net: Two-Parameter Activations for Deep Networks (fictional)",
              authors: ["Ilse Brandt"], date: "2022-02-02",
              "A fictional paper for tests: every unit learns two shape parameters of its activation."),
        paper("cpp", title: "C++: Compiler Feedback for Code Models (fictional)", authors: ["Omar Haddad", "Lena Fischer"],
              date: "2022-03-03", "A fictional paper for tests whose title claims the name of a programming language."),
        paper("astar", title: "A*: Admissible Search for Planning Agents (fictional)", authors: ["Omar Haddad"],
              date: "2022-04-04", "A fictional paper whose title claims a two-character name."),
        paper("flash1", title: "FLASH: Fast Learned Attention with Sparse Hashing (fictional)",
              authors: ["Greta Lund", "Ravi Menon"], date: "2022-05-05", "A fictional paper; one of two claiming FLASH."),
        paper("flash2", title: "FLASH: Federated Learning with Adaptive Secure Hashing (fictional)",
              authors: ["Tomas Novak", "Aiko Mori"], date: "2022-06-06", "A fictional paper; the other one claiming FLASH."),
        paper("samopt", arxiv: "2010.01412", title: "Sharpness-Aware Minimization for Efficiently Improving Generalization",
              authors: ["Pierre Foret", "Ariel Kleiner", "Hossein Mobahi"], date: "2020-10-03",
              "We introduce Sharpness-Aware Minimization (SAM), which seeks parameters whose whole neighborhood has low loss."),
        paper("samseg", arxiv: "2304.02643", title: "Segment Anything",
              authors: ["Alexander Kirillov", "Eric Mintun", "Nikhila Ravi"], date: "2023-04-05",
              "We introduce the Segment Anything Model (SAM), a promptable segmentation model trained on a billion masks."),
        paper("transformer", arxiv: "1706.03762", title: "Attention Is All You Need",
              authors: ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"], date: "2017-06-12",
              "We propose a sequence transduction architecture built only from attention, dispensing with recurrence and convolutions entirely."),
        paper("resnet", arxiv: "1512.03385", doi: "10.1109/CVPR.2016.90", title: "Deep Residual Learning for Image Recognition",
              authors: ["Kaiming He", "Xiangyu Zhang", "Shaoqing Ren", "Jian Sun"], date: "2015-12-10",
              "We reformulate layers as learning residual functions with reference to their inputs, which makes very deep networks easy to optimize."),
        paper("mamba", arxiv: "2312.00752", title: "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
              authors: ["Albert Gu", "Tri Dao"], date: "2023-12-01",
              "We let state space parameters depend on the input and fold these selective layers into a simple attention-free architecture (Mamba) with linear scaling in sequence length."),
        paper("llava", arxiv: "2304.08485", title: "Visual Instruction Tuning",
              authors: ["Haotian Liu", "Chunyuan Li", "Qingyang Wu", "Yong Jae Lee"], date: "2023-04-17",
              "We present LLaVA, a large language and vision assistant trained end to end on machine-generated instruction data."),
        paper("llama2", arxiv: "2307.09288", title: "Llama 2: Open Foundation and Fine-Tuned Chat Models",
              authors: ["Hugo Touvron", "Louis Martin", "Kevin Stone"], date: "2023-07-18",
              "We release a family of pretrained and chat-tuned models from 7 to 70 billion parameters."),
        paper("tsne", title: "Visualizing Data using t-SNE", authors: ["Laurens van der Maaten", "Geoffrey Hinton"],
              date: "2008-11-01", "We present a technique that maps high-dimensional data to two or three dimensions for visual inspection."),
        paper("xu2019", title: "Sparse Graph Widgets for Molecule Property Prediction (fictional)",
              authors: ["Wei Xu", "Jun Li", "Ana Costa"], date: "2019-05-01", "A fictional three-author paper by Xu et al. in 2019."),
        paper("xusingle", title: "On the Expressivity of Graph Widgets (fictional)", authors: ["Zhen Xu"], date: "2019-08-01",
              "A fictional single-author paper by Xu in 2019."),
        paper("xuli2020", title: "Spectral Widgets for Graph Signals (fictional)", authors: ["Ming Xu", "Yan Li"],
              date: "2020-03-03", "A fictional two-author paper by Xu and Li in 2020."),
        paper("rank1", arxiv: "2201.00001", title: "Learning to Rank with Sparse Signals", authors: ["Maya Stein"],
              date: "2022-01-10", "A fictional paper sharing its title with another one."),
        paper("rank2", arxiv: "2302.00002", title: "Learning to Rank with Sparse Signals", authors: ["Juan Ortega"],
              date: "2023-02-10", "Another fictional paper with the very same title."),
        paper("survey", title: "A Survey on Large Language Models (fictional)", authors: ["Li Wei"], date: "2023-03-31",
              "A fictional survey whose title is an ordinary phrase."),
        paper("position", title: "Position: Benchmarks Must Be Harder (fictional)", authors: ["Sam Rivera"], date: "2024-02-02",
              "This position paper argues that benchmarks saturate too quickly."),
        paper("moe", title: "MoE: A Generic Mixture-of-Experts Toolkit (fictional)", authors: ["Ken Ito"], date: "2022-07-07",
              "A fictional toolkit whose title claims a generic acronym."),
        paper("gogame", title: "Go: A Board Game Benchmark (fictional)", authors: ["Ken Ito"], date: "2022-08-08",
              "A fictional benchmark whose name has two letters."),
        paper("widgetcalc", arxiv: "cs/0112017", title: "A Calculus of Widgets (fictional)", authors: ["Olga Sand"],
              date: "2001-12-20", "A fictional old-style preprint, arXiv:cs/0112017, that cites only itself."),
        // Names that also mean something else: a dataset, a metric, a device, a compound.
        paper("taco", title: "TACO: Temporal Alignment for Compositional Objects (fictional)",
              authors: ["Rosa Lind"], date: "2022-09-01", "A fictional method that aligns object parts over time."),
        paper("dice", title: "DICE: Diverse Instruction Curricula for Embodiment (fictional)",
              authors: ["Ivo Petrov"], date: "2022-09-02", "A fictional curriculum method for robot instructions."),
        paper("led", title: "LED: Latent Event Decoding for Neuromorphic Vision (fictional)",
              authors: ["Mia Hoang"], date: "2022-09-03", "A fictional decoder for event streams."),
        paper("widgetbench", title: "WidgetBench: A Benchmark for Reasoning about Widgets (fictional)",
              authors: ["Noor Aziz"], date: "2022-09-04", "A fictional benchmark of widget puzzles."),
        paper("drive", title: "Relations from Verbs (fictional)", authors: ["Pia Moreau"], date: "2022-09-05",
              "A fictional paper. We propose Dynamic Relation Inference via Verb Embeddings (DRIVE), which teaches an image encoder to read relations."),
        paper("hat", title: "Humanoids Imitating People (fictional)", authors: ["Ola Berg"], date: "2022-09-06",
              "A fictional paper. We propose the Human Action Transformer (HAT), trained on human and robot demonstrations."),
        paper("orca", title: "ORCA: Object Recognition for Coral Archives (fictional)", authors: ["Tui Ngata"],
              date: "2022-09-07", "A fictional reef-survey recognizer."),
        paper("dnc", title: "Divide-and-Conquer: Hierarchical Splatting of Large Scenes (fictional)",
              authors: ["Jan Kowal"], date: "2022-09-08", "A fictional scene partitioning method."),
        paper("xlm", title: "XLM: A Toolkit for Masked Language Models (fictional)", authors: ["Ana Lobo"],
              date: "2022-09-09", "A fictional toolkit."),
        // How a name was claimed: ordinary words only an abstract claims, a name the title
        // carries too, a versioned release, a metric acronym.
        paper("glidetrack", title: "Keypoint Tracking for Agile Drones (fictional)", authors: ["Chidi Okoye", "Lena Park"],
              date: "2024-01-10", "A fictional paper. We introduce GlideTrack, a keypoint tracker that follows fast drones across frames."),
        paper("kestrel", title: "Planning Without Maps in Warehouses (fictional)", authors: ["Ines Duarte"],
              date: "2023-11-01", "A fictional paper. We present Kestrel, a planner for warehouse robots that needs no prior map."),
        paper("lawgpt", title: "Statute Reasoning with Retrieval (fictional)", authors: ["Yara Haddad"],
              date: "2023-08-08", "A fictional paper. We introduce LawGPT, a legal assistant that cites the statutes it relies on."),
        paper("harbor", title: "PaperHarbor Technical Report (fictional)", authors: ["Sven Aalto", "Mei Tan"],
              date: "2023-06-01", "A fictional paper. We introduce PaperHarbor, an open index of preprints with citation edges."),
        paper("wren2", title: "Wren 2 Technical Report (fictional)", authors: ["Tala Reyes", "Ugo Bassi"],
              date: "2024-02-01", "A fictional paper. We introduce Wren 2, a family of open multilingual language models."),
        paper("mos", title: "MOS: Multi-Object Shepherding for Robot Swarms (fictional)", authors: ["Wim Claes"],
              date: "2023-05-05", "A fictional paper whose title claims a metric's acronym."),
    ]

    /// Abstract snippets that refer to the papers above (or pointedly do not).
    static let citing: [Item] = {
        var items: [Item] = []
        var counter = 0
        func add(_ abstract: String, date: String = "2024-05-01", authors: [String] = ["Test Author"], _ refs: [Expected]) {
            counter += 1
            items.append(paper(
                "s\(counter)", title: "Labelled snippet number \(counter)", authors: authors, date: date, abstract, refs: refs))
        }
        // Names.
        add("Unlike LoRA, we update all singular values of each weight matrix.", [name("LoRA", "lora")])
        add("We fine-tune BERT with LoRA adapters and compare against full fine-tuning.", [name("BERT", "bert"), name("LoRA", "lora")])
        add("Our optimizer extends Adam with a curvature-aware step size.", [name("Adam", "adam")])
        add("Adam is the default optimizer in most runs, but we also try plain momentum.", [name("Adam", "adam")])
        add("Adam Smith's invisible hand inspires our market-based scheduler.", [])
        add("We replace the patch embedding of ViT with a convolutional stem.", [name("ViT", "vit")])
        add("Zero-shot classifiers built on CLIP inherit its social biases.", [name("CLIP", "clip")])
        add("We accelerate sampling of DDPM by a factor of ten without retraining.", [name("DDPM", "ddpm")])
        add("Our method renders scenes faster than NeRF while using less memory.", [name("NeRF", "nerf")])
        add("Dynamic NeRFs struggle with fast motion; we add a deformation field.", [name("NeRF", "nerf")])
        add("We quantize a ResNet-50 with HAWQ and report top-1 accuracy.", [name("HAWQ", "hawq")])
        add("Compared with HAWQ-V2, our mixed-precision search is ten times cheaper.", [name("HAWQ-V2", "hawqv2")])
        add("Building on HAWQ-V3 ideas, we search bit widths with integer-only arithmetic.", [name("HAWQ", "hawq")])
        add("LLM-Pruner removes coupled structures; we instead prune attention heads.", [name("LLM-Pruner", "pruner")])
        add("LLM-Pruner-style structured pruning fails on our long-context tasks.", [name("LLM-Pruner", "pruner")])
        add("SoFT improves the robustness of fine-tuned ViT models on corrupted images.", [name("SoFT", "soft"), name("ViT", "vit")])
        add("We use a soft margin and soft labels throughout training.", [])
        add("A SOFT deadline is acceptable for our batch workloads.", [])
        add("Our planner is written in C++ and uses A* search over lattices.", [])
        add("We extend PointNet++ with learned neighborhoods for outdoor scans.", [name("PointNet++", "pointnet2")])
        add("(α,β)-Net activations replace the GELU in our block.", [name("(α,β)-Net", "alphabeta")])
        add("We swap ReLU for (α,β)-Net units and gain half a point.", [name("(α,β)-Net", "alphabeta")])
        add("FLASH kernels speed up our training loop considerably.", [name("FLASH", nil)])
        add("We apply SAM to reach flatter minima on small datasets.", [name("SAM", nil)])
        add("Unlike LoRa networks, our low-power radio protocol needs no gateway.", [])
        add("QLoRA and LoRA-style adapters are both supported by our library.", [name("LoRA", "lora")])
        add("We compare with RoBERTa and ALBERT on the same benchmarks.", [])
        add("BERTScore correlates with human judgement on our summaries.", [])
        add("Vision Transformer (ViT) backbones are used throughout our experiments.", [name("ViT", "vit")])
        add("We propose SparseLoRA, a method that skips inactive adapter rows.", [])
        add("We introduce Low-Rank Adaptation (LoRA) variants for speech recognition.", [name("LoRA", "lora")])
        add("GAN-based augmentation and MoE routing are orthogonal to our contribution.", [])
        add("AI systems, ML pipelines and LLM agents are discussed at length.", [])
        add("We play Go against strong engines and report Elo.", [])
        add("Position embeddings are learned jointly with the encoder.", [])
        add("Weights are stored under checkpoints/LoRA_adapter and loaded lazily.", [])
        add("We replace attention with Mamba layers in a hybrid decoder.", [name("Mamba", "mamba")])
        add("Mamba layers replace attention in our hybrid model.", [name("Mamba", "mamba")])
        add("We photograph the black Mamba snake in the wild for a species dataset.", date: "2019-03-01", [])
        add("LLaVA-style instruction tuning is applied to radiology images.", [name("LLaVA", "llava")])
        add("We fine-tune Llama\n2 chat models on legal questions.", [name("Llama\n2", "llama2")])
        add("A llama and an alpaca graze near the lab; Llama 3 is not studied here.", [])
        add("We present ViT-Adapter, a plug-in that adds spatial priors to ViT.", [name("ViT", "vit")])
        add("GPT-3 shows emergent few-shot abilities that we try to distil.", [name("GPT-3", "gpt3")])
        add("See arXiv:2106.09685 for LoRA details; we only change the rank schedule.", [ident("arXiv:2106.09685", "lora"), name("LoRA", "lora")])
        add("We tokenize with BPE and pretrain on C4 for one epoch.", [])
        // Context: the same string naming a dataset, a metric, a device or another name.
        add("Unlike TACO, we align parts without a temporal prior.", [name("TACO", "taco")])
        add("Detectors are trained and tested on the TACO dataset of litter photographs.", [])
        add("Segmentation quality is reported as the DICE score on four organs.", [])
        add("An event camera tracks LED markers; LED blinking is filtered out first.", [])
        add("Models gain four points on the WidgetBench benchmark after our tuning.", [name("WidgetBench", "widgetbench")])
        add("Unlike DRIVE, we infer relations without verb supervision.", [name("DRIVE", "drive")])
        add("Vessel segmentation is evaluated on STARE, DRIVE, and CHASE.", [])
        add("HAT policies transfer poorly to wheeled robots.", [])
        add("We propose LoRA, a duty-cycling scheme for long-range radios, and test it on farms.", [])
        add("We compare with ORCA (Online Reasoning and Cognitive Architecture) on planning puzzles.", [])
        add("We propose a Divide-and-Conquer Amnesia (DCA) strategy for unlearning.", [])
        add("Both m-BERT and XLM- RoBERTa are fine-tuned, and XLM-R wins on Urdu.", [])
        add("We compare LoRA+ with full fine-tuning at equal budgets.", [])
        add("ViT-B backbones are frozen while the heads are trained.", [name("ViT", "vit")])
        // How the claimant claimed the name.
        add("Unlike GlideTrack, we track drone keypoints with an event camera.", [name("GlideTrack", nil)])
        add("GlideTrack (Okoye et al., 2024) drifts on fast turns, so we add an inertial prior.", [name("GlideTrack", "glidetrack"), cite("Okoye et al., 2024", "glidetrack")])
        add("Compared with Kestrel, our warehouse planner builds its map online.", [name("Kestrel", nil)])
        add("A kestrel hovers over the field in our wildlife videos.", [])
        add("Unlike LawGPT, our assistant drafts contracts rather than citing statutes.", [name("LawGPT", nil)])
        add("We index new preprints with PaperHarbor and add author links.", [name("PaperHarbor", "harbor")])
        add("We prompt Wren 2 to transcribe bird songs into text.", [name("Wren 2", "wren2")])
        add("Wren models of every size are compared with our tokenizer.", [])
        // One `classical NAME` makes every use of NAME in the abstract the established thing.
        add("Unlike the classical TACO pipeline, our tracker never sees TACO part labels.", [])
        add("We keep the original Adam settings, and Adam still diverges on our sparse losses.", [name("Adam", "adam")])
        // A name given a value is a measure.
        add("Our segmenter reaches a DICE of 0.91 on liver scans.", [])
        add("Unlike DICE, our curriculum orders robot instructions by difficulty.", [name("DICE", "dice")])
        add("We attach a LoRA of rank 16 to every projection.", [name("LoRA", "lora")])
        add("The vocoder reaches a MOS of 4.3 and a WER of 2.1% on read speech.", [])
        // Identifiers (found by the link extractor, resolved against the set).
        add("We build on arXiv:2106.09685v2 and keep its rank schedule.", [ident("arXiv:2106.09685v2", "lora")])
        add("The encoder is described at https://arxiv.org/abs/1810.04805 in detail.", [ident("https://arxiv.org/abs/1810.04805", "bert")])
        add("The sampler follows arxiv.org/pdf/2006.11239v2 exactly.", [ident("arxiv.org/pdf/2006.11239v2", "ddpm")])
        add("The optimizer is 10.48550/arXiv.1412.6980 with default moments.", [ident("10.48550/arXiv.1412.6980", "adam")])
        add("Residual blocks as in doi:10.1109/CVPR.2016.90 are stacked.", [ident("10.1109/CVPR.2016.90", "resnet")])
        add("The widget calculus of arXiv:cs/0112017 is our starting point.", [ident("arXiv:cs/0112017", "widgetcalc")])
        add("We compare with arXiv:2501.99999, a preprint outside our set.", [ident("arXiv:2501.99999", nil)])
        add("Release v2.1.3 of the tool reports 10.5 and 2106.09 as version numbers.", [])
        add("Code is at https://github.com/acme/widgets and data at huggingface.co/datasets/acme/widgets.", [])
        // Author–year.
        add("Few-shot prompting (Brown et al., 2020) works poorly for our task.", [cite("Brown et al., 2020", "gpt3")])
        add("Following Devlin et al. (2018), we mask fifteen percent of the tokens.", [cite("Devlin et al. (2018)", "bert")])
        add("Masked language modeling (Devlin et al., 2019) is our pretraining objective.", [cite("Devlin et al., 2019", "bert")])
        add("We train with Adam (Kingma and Ba, 2014) and cosine decay.", [name("Adam", "adam"), cite("Kingma and Ba, 2014", "adam")])
        add("The optimizer of [Kingma 2014] is our default choice.", [cite("Kingma 2014", "adam")])
        add("t-SNE plots (van der Maaten and Hinton, 2008) show clear clusters.", [cite("van der Maaten and Hinton, 2008", "tsne")])
        add("Embeddings are visualised as in Van der Maaten and Hinton (2008) with perplexity 30.", [cite("Van der Maaten and Hinton (2008)", "tsne")])
        add("Graph widgets (Xu et al., 2019) generalise message passing.", [cite("Xu et al., 2019", "xu2019")])
        add("Xu and Li (2020) proposed spectral widgets; we extend them to directed graphs.", [cite("Xu and Li (2020)", "xuli2020")])
        add("Xu & Li (2020) is our closest baseline.", [cite("Xu & Li (2020)", "xuli2020")])
        add("Expressivity was bounded by Xu (2019) and later tightened (Xu et al., 2019).", [cite("Xu (2019)", "xusingle"), cite("Xu et al., 2019", "xu2019")])
        add("Prior work (Wang et al., 2021; Li, 2020) studies the same setting.", [cite("Wang et al., 2021", nil), cite("Li, 2020", nil)])
        add("Transformers (Vaswani et al., 2017) dominate sequence modeling.", [cite("Vaswani et al., 2017", "transformer")])
        add("Hu et al. (2021) freeze pretrained weights; we instead learn a sparse mask.", [cite("Hu et al. (2021)", "lora")])
        add("Low-rank updates (Hu et al., 2022) are our starting point.", [cite("Hu et al., 2022", "lora")])
        add("Following Ho et al. (2020), we predict the added noise.", [cite("Ho et al. (2020)", "ddpm")])
        add("Radiance fields (Mildenhall et al., 2020) model view-dependent color.", [cite("Mildenhall et al., 2020", "nerf")])
        add("CLIP (Radford et al., 2021) aligns images and captions.", [name("CLIP", "clip"), cite("Radford et al., 2021", "clip")])
        add("The method of Dosovitskiy et al. (2021) splits images into patches.", [cite("Dosovitskiy et al. (2021)", "vit")])
        add("Following Dosovitskiy et al. (2020), we use sixteen-pixel patches.", [cite("Dosovitskiy et al. (2020)", "vit")])
        add("Sharpness-aware training (Foret et al., 2020) improves generalization.", [cite("Foret et al., 2020", "samopt")])
        add("Promptable masks (Kirillov et al., 2023) seed our annotation tool.", [cite("Kirillov et al., 2023", "samseg")])
        add("Mildenhall et al. [2020] is the NeRF baseline we start from.", [cite("Mildenhall et al. [2020]", "nerf"), name("NeRF", "nerf")])
        add("Three lines of work (Ho et al., 2020; Hu et al., 2021; Brown et al., 2020) inspire us.", [cite("Ho et al., 2020", "ddpm"), cite("Hu et al., 2021", "lora"), cite("Brown et al., 2020", "gpt3")])
        add("Pretraining recipes (e.g., Devlin et al., 2018) vary widely.", [cite("Devlin et al., 2018", "bert")])
        add("In March (2020) the lab moved, and the COVID (2020) lockdown slowed data collection.", [])
        add("We cite our own earlier study (Zhang et al., 2024) for the setup.", authors: ["Rui Zhang", "Bo Chen"], [])
        add("Our widgets (Smith et al., 2019) are detailed in the appendix.", [cite("Smith et al., 2019", nil)])
        // Titles.
        add("In-context learning, as shown in \"Language Models are Few-Shot Learners\", emerges at scale.", [title("Language Models are Few-Shot Learners", "gpt3")])
        add("The architecture of Attention Is All You Need is our backbone.", [title("Attention Is All You Need", "transformer")])
        add("Is attention all you need for tabular data? We find that it is not.", [])
        add("We show that attention is all you need for graph matching.", [])
        add("Deep Residual Learning for Image Recognition introduced identity shortcuts that we revisit.", [title("Deep Residual Learning for Image Recognition", "resnet")])
        add("Our backbone follows “Deep Residual Learning for Image Recognition” closely.", [title("Deep Residual Learning for Image Recognition", "resnet")])
        add("A survey on large language models is beyond our scope.", [])
        add("We build on \"Learning to Rank with Sparse Signals\" for retrieval.", [title("Learning to Rank with Sparse Signals", nil)])
        add("Denoising Diffusion Probabilistic Models are our starting point.", [title("Denoising Diffusion Probabilistic Models", "ddpm")])
        add("We study denoising diffusion probabilistic models in the low-data regime.", [])
        add("As \"Visual Instruction Tuning\" showed, synthetic data suffices.", [title("Visual Instruction Tuning", "llava")])
        add("Results follow 'Learning Transferable Visual Models From Natural Language Supervision' exactly.", [title("Learning Transferable Visual Models From Natural Language Supervision", "clip")])
        return items
    }()

    static var all: [Item] { cited + citing }
}
