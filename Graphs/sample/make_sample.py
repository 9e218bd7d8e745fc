#!/usr/bin/env python3
"""Builds the demo corpus in this folder and the answer key that goes with it.

Maintenance tool only: the product and its tests never run it. Every description below is
written by us; the links in it are real (checked by hand), except in the two papers marked
as fictional. Run `python3 make_sample.py` from anywhere; it rewrites
hf-papers-page.txt, arxiv-listing.jsonl, daily-papers.json, EXPECTED.md and expected.json
next to itself and fails loudly if an annotation does not match the text it annotates.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPLIT = "\u00a6"  # marks where a hard wrap must cut a URL in two (removed from the output)
WIDTH = 79


def normalized_title(title):
    """Same rule as PaperIdentity.normalizedTitle: lower-case, non-alphanumeric runs -> one space."""
    out, pending = [], False
    for ch in title.lower():
        if ch.isalpha() or ch.isnumeric():
            if pending and out:
                out.append(" ")
            pending = False
            out.append(ch)
        else:
            pending = True
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Papers. `links` lists every expected mention in reading order: (kind, canonical target,
# core text as written, field). `refs` lists references to other papers of the set:
# (cited paper: arXiv id or "title:<exact title>", rule, text as written). `code` is
# (status, rule, a phrase inside the deciding sentence or None).
# ---------------------------------------------------------------------------------------------

HF_PAGE = [
    dict(
        key="gpt2",
        title="Language Models are Unsupervised Multitask Learners",
        abstract=(
            "A 1.5-billion-parameter language model trained only to predict the next word of web pages "
            "that people had linked to turns out to answer questions, translate and summarise without any "
            "task-specific training, and it keeps improving with size. The network is the decoder half of "
            "\"Attention Is All You Need\" with small changes to normalisation and initialisation. The smaller "
            "checkpoints were published first and the largest one months later. Code and weights:https://github.com/openai/gpt-2."
        ),
        links=[("repo", "github.com/openai/gpt-2", "https://github.com/openai/gpt-2", "abstract")],
        refs=[("1706.03762", "title", "Attention Is All You Need")],
        code=("released", "repo-link", "Code and weights:"),
    ),
    dict(
        key="resnet",
        title="Deep Residual Learning for Image Recognition",
        meta=("4", "Dec 10, 2015 12"),
        abstract=(
            "Plain convolutional networks get harder to optimise as layers are added, even on the training set. "
            "Here every block learns a correction that is added to its own input through an identity shortcut, "
            "so networks with more than a hundred layers train smoothly and won the 2015 ImageNet classification "
            "task (ImageNet itself: doi:10.1109/CVPR.2009.5206848, www.image-net.org). On CIFAR-10 "
            "(www.cs.toronto.edu/~kriz/cifar.html) the authors even train a network deeper than 1000 layers. "
            "The released Caffe models are at https://github.com/KaimingHe/deep-residual-networks#readme"
        ),
        links=[
            ("paper", "doi:10.1109/cvpr.2009.5206848", "doi:10.1109/CVPR.2009.5206848", "abstract"),
            ("page", "image-net.org", "www.image-net.org", "abstract"),
            ("page", "cs.toronto.edu/~kriz/cifar.html", "www.cs.toronto.edu/~kriz/cifar.html", "abstract"),
            ("repo", "github.com/kaiminghe/deep-residual-networks",
             "https://github.com/KaimingHe/deep-residual-networks#readme", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "The released Caffe models are at"),
    ),
    dict(
        key="alpaca",
        title="Alpaca: A Strong, Replicable Instruction-Following Model",
        abstract=(
            "A 7B LLaMA model is fine-tuned on 52K instruction-following demonstrations that a stronger "
            "proprietary model generated with the Self-Instruct recipe, for well under a thousand dollars, and "
            "in a small blind comparison it behaves much like text-davinci-003. The release post is "
            "https://crfm.stanford.edu/2023/03/13/alpaca.html; training code and the data generation scripts live "
            "at github.com/tatsu-lab/stanford_alpaca, and the 52K examples are mirrored at "
            "huggingface.co/datasets/tatsu-lab/alpaca. The fine-tuning script builds on "
            "https://github.com/huggingface/transformers/."
        ),
        links=[
            ("page", "crfm.stanford.edu/2023/03/13/alpaca.html",
             "https://crfm.stanford.edu/2023/03/13/alpaca.html", "abstract"),
            ("repo", "github.com/tatsu-lab/stanford_alpaca", "github.com/tatsu-lab/stanford_alpaca", "abstract"),
            ("artifact", "huggingface.co/datasets/tatsu-lab/alpaca", "huggingface.co/datasets/tatsu-lab/alpaca",
             "abstract"),
            ("repo", "github.com/huggingface/transformers", "https://github.com/huggingface/transformers/",
             "abstract"),
        ],
        refs=[("2302.13971", "name", "LLaMA"), ("2212.10560", "name", "Self-Instruct")],
        code=("released", "repo-link", "training code and the data generation scripts live"),
    ),
    dict(
        key="ganss",
        title="Generative Adversarial Networks",
        meta=("8", "Jun 10, 2014 9"),
        abstract=(
            "Two networks are trained against each other: a generator that turns random noise into samples, and "
            "a discriminator that tries to tell those samples from real data. At the equilibrium of this game "
            "the generator reproduces the data distribution, and the whole thing is trained by backpropagation "
            "alone, without the sampling chains or inference networks that earlier generative models needed. The original Theano code is "
            "on GitHub ({https://github.com/goodfeli/adversarial})."
        ),
        links=[("repo", "github.com/goodfeli/adversarial", "https://github.com/goodfeli/adversarial", "abstract")],
        refs=[],
        code=("released", "repo-link", "The original Theano code is on GitHub"),
    ),
    dict(
        key="llama2",
        title="Llama 2: Open Foundation and Fine-Tuned Chat Models",
        abstract=(
            "A family of pretrained and chat-tuned language models from 7B to 70B parameters, trained on more "
            "tokens and with twice the context length of LLaMA (arXiv:2302.13971v1), then aligned with "
            "supervised fine-tuning followed by reinforcement learning from human feedback. A large part of the "
            "report is about safety tuning and red-teaming. Weights are distributed through "
            "hf.co/meta-llama/Llama-2-7b-hf and sibling repositories for the other sizes; inference code is at "
            "https://github.com/meta-llama/llama (formerly facebookresearch/llama)."
        ),
        links=[
            ("paper", "arxiv:2302.13971", "arXiv:2302.13971v1", "abstract"),
            ("artifact", "huggingface.co/meta-llama/llama-2-7b-hf", "hf.co/meta-llama/Llama-2-7b-hf", "abstract"),
            ("repo", "github.com/meta-llama/llama", "https://github.com/meta-llama/llama", "abstract"),
        ],
        refs=[("2302.13971", "name", "LLaMA"), ("2302.13971", "arxiv-id", "arXiv:2302.13971v1")],
        code=("released", "repo-link", "inference code is at"),
    ),
    dict(
        key="nerf",
        title="NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
        meta=("6", "Mar 19, 2020 21"),
        abstract=(
            "Each scene gets its own small MLP that answers one question: given a point in space and a direction "
            "to look from, what colour is there and how opaque is it? Images are produced by marching camera "
            "rays through this field and compositing the answers, and since that process can be "
            "differentiated, the MLP is trained from nothing more than photos with known camera positions. "
            "Videos and results: "
            "http://www.matthewtancik.com/nerf, code:https://github.com/bmild/nerf"
        ),
        links=[
            ("page", "matthewtancik.com/nerf", "http://www.matthewtancik.com/nerf", "abstract"),
            ("repo", "github.com/bmild/nerf", "https://github.com/bmild/nerf", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "code:https://github.com/bmild/nerf"),
    ),
    dict(
        key="dropout",
        title="Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
        abstract=(
            "Randomly silencing hidden units while a network trains stops them from depending on each other too "
            "much; at test time nothing is silenced and the weights are scaled instead, which approximates "
            "averaging an exponential number of smaller networks. The technique reduced overfitting on a wide "
            "range of supervised tasks and became a standard regulariser. "
            "Journal version (http://jmlr.org/papers/v15/srivastava14a.html)."
        ),
        links=[("page", "jmlr.org/papers/v15/srivastava14a.html", "http://jmlr.org/papers/v15/srivastava14a.html",
                "abstract")],
        refs=[],
        code=("none", None, None),
    ),
    dict(
        key="gsplat",
        title="3D Gaussian Splatting for Real-Time Radiance Field Rendering",
        meta=("4", "Aug 8, 2023 37"),
        abstract=(
            "The scene is represented explicitly by millions of 3D Gaussians, seeded from the sparse point cloud "
            "that camera calibration produces; each Gaussian's position, stretch and orientation, opacity and "
            "colour are optimised, while the set is densified and thinned as training goes. A tile-based "
            "rasteriser splats them to the screen fast enough for real-time novel views at 1080p, matching the "
            "quality of the best NeRF variants. Code, pretrained scenes and a viewer are available from the project page "
            "\\url{https://repo-sam.inria.fr/fungraph/3d-gaussian-splatting/}."
        ),
        links=[("page", "repo-sam.inria.fr/fungraph/3d-gaussian-splatting",
                "https://repo-sam.inria.fr/fungraph/3d-gaussian-splatting/", "abstract")],
        refs=[("title:NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis", "name", "NeRF")],
        code=("released", "available-at-link", "are available from the project page"),
    ),
    dict(
        key="controlnet",
        title="Adding Conditional Control to Text-to-Image Diffusion Models",
        meta=("3", "Feb 10, 2023 88"),
        abstract=(
            "An extra branch, initialised as a copy of a frozen diffusion model's encoder and joined to it "
            "through convolutions whose weights start at zero, learns to inject spatial conditions (edges, "
            "depth, body pose, sketches) into a pretrained text-to-image model. Because the branch starts as a "
            "no-op, training does not disturb the original model, and it works with small as well as large "
            "conditioning datasets. The experiments use Stable Diffusion "
            "(github.com/CompVis/stable-diffusion, see arXiv:2112.10752) as the base, and everything is "
            "released at https://github.com/lllyasviel/ControlNet."
        ),
        links=[
            ("repo", "github.com/compvis/stable-diffusion", "github.com/CompVis/stable-diffusion", "abstract"),
            ("paper", "arxiv:2112.10752", "arXiv:2112.10752", "abstract"),
            ("repo", "github.com/lllyasviel/controlnet", "https://github.com/lllyasviel/ControlNet", "abstract"),
        ],
        refs=[("2112.10752", "arxiv-id", "arXiv:2112.10752")],
        code=("released", "repo-link", "everything is released at"),
    ),
    dict(
        key="mistral",
        title="Mistral 7B",
        abstract=(
            "A 7-billion-parameter open-weight language model. Grouped-query attention makes decoding cheaper "
            "and sliding-window attention lets it work over long inputs at bounded cost; in the authors' "
            "evaluation it is ahead of the twice-as-large 13B Llama 2 model across the board, and a chat variant "
            "tuned on public instruction data is included. Reference "
            "code: https://github.com/mistralai/mistral-src; weights: https://huggingface.co/mistralai/Mistral-7B-v0.1; "
            "announcement: https://mistral.ai/news/announcing-mistral-7b/."
        ),
        links=[
            ("repo", "github.com/mistralai/mistral-src", "https://github.com/mistralai/mistral-src", "abstract"),
            ("artifact", "huggingface.co/mistralai/mistral-7b-v0.1", "https://huggingface.co/mistralai/Mistral-7B-v0.1",
             "abstract"),
            ("page", "mistral.ai/news/announcing-mistral-7b", "https://mistral.ai/news/announcing-mistral-7b/",
             "abstract"),
        ],
        refs=[("title:Llama 2: Open Foundation and Fine-Tuned Chat Models", "name", "Llama 2")],
        code=("released", "repo-link", "Reference code:"),
    ),
    dict(
        key="dpo-hf",
        title="Direct Preference Optimization: Your Language Model is Secretly a Reward Model",
        meta=("6", "May 29, 2023 58"),
        abstract=(
            "The usual RLHF pipeline first fits a reward model to human preference pairs and then optimises the "
            "policy against it with reinforcement learning. Here the reward is rewritten in terms of the policy "
            "itself, so the preference objective turns into an ordinary binary cross-entropy over the preferred "
            "and rejected answers that can be minimised directly: no sampling during training and no separate "
            "reward network. Reference implementation: "
            "https://github.com/eric-mitchell/direct-preference-optimization."
        ),
        links=[("repo", "github.com/eric-mitchell/direct-preference-optimization",
                "https://github.com/eric-mitchell/direct-preference-optimization", "abstract")],
        refs=[],
        code=("released", "repo-link", "Reference implementation:"),
    ),
    dict(
        key="cot",
        title="Chain-of-Thought Prompting Elicits Reasoning in Large Language Models",
        meta=("9", "Jan 28, 2022 33"),
        abstract=(
            "Few-shot prompts whose worked examples spell out the intermediate reasoning before the answer make "
            "sufficiently large language models much better at arithmetic, commonsense and symbolic reasoning. "
            "The benefit only appears at scale, and on a benchmark of grade-school math word problems "
            "(Cobbe et al., 2021) a 540B model prompted this way set a new state of the art. There is no new "
            "model and no code; the method is just a prompt."
        ),
        links=[],
        refs=[("2110.14168", "author-year", "Cobbe et al., 2021")],
        code=("none", None, None),
    ),
    dict(
        key="toolformer",
        title="Toolformer: Language Models Can Teach Themselves to Use Tools",
        meta=("8", "Feb 9, 2023 41"),
        abstract=(
            "A language model annotates its own pretraining text with candidate API calls (a calculator, a "
            "search engine, a translator, a calendar and a question-answering system), keeps only the calls "
            "whose results make the following tokens easier to predict, and is then fine-tuned on the annotated "
            "text. The model learns by itself when and how to call a tool, and a 6.7B model often matches far "
            "larger ones such as the model of https://arxiv.org/pdf/2005.14165.pdf. The paper comes without a "
            "public implementation."
        ),
        links=[("paper", "arxiv:2005.14165", "https://arxiv.org/pdf/2005.14165.pdf", "abstract")],
        refs=[],
        code=("none", None, None),
    ),
    dict(
        key="dinov2",
        title="DINOv2: Learning Robust Visual Features without Supervision",
        abstract=(
            "Self-supervised image features, learned by a Vision Transformer on a large automatically curated "
            "image collection with a mix of self-distillation and masked-image objectives, work out of the box "
            "(frozen, with linear heads) for classification, segmentation and depth estimation. A "
            "billion-parameter teacher is distilled into smaller students; the work came out of the same lab "
            "days after \u201cSegment Anything\u201d. Models and training code: "
            "https://github.com/facebookresearch/dinov2/blob/main/README.md; other FAIR vision projects are "
            "listed at github.com/facebookresearch."
        ),
        links=[
            ("repo", "github.com/facebookresearch/dinov2",
             "https://github.com/facebookresearch/dinov2/blob/main/README.md", "abstract"),
            ("owner", "github.com/facebookresearch", "github.com/facebookresearch", "abstract"),
        ],
        refs=[("2304.02643", "title", "Segment Anything")],
        code=("released", "repo-link", "Models and training code:"),
    ),
    dict(
        key="ip2p",
        title="InstructPix2Pix: Learning to Follow Image Editing Instructions",
        meta=("3", "Nov 17, 2022 29"),
        abstract=(
            "Editing a photo from a written instruction (\"make it look like winter\") is learned from synthetic "
            "data: a language model writes instructions together with edited captions, and the latent "
            "diffusion model of Rombach et al. (2021) with Prompt-to-Prompt renders matching before/after "
            "images. The conditional diffusion model trained on these pairs edits real images in one forward "
            "pass, with no per-image inversion or fine-tuning. Project page "
            "www.timothybrooks.com/instruct-pix2pix, code GitHub.com/timothybrooks/instruct-pix2pix, model "
            "hf.co/timbrooks/instruct-pix2pix and a demo [https://huggingface.co/spaces/timbrooks/instruct-pix2pix]."
        ),
        links=[
            ("page", "timothybrooks.com/instruct-pix2pix", "www.timothybrooks.com/instruct-pix2pix", "abstract"),
            ("repo", "github.com/timothybrooks/instruct-pix2pix", "GitHub.com/timothybrooks/instruct-pix2pix",
             "abstract"),
            ("artifact", "huggingface.co/timbrooks/instruct-pix2pix", "hf.co/timbrooks/instruct-pix2pix",
             "abstract"),
            ("artifact", "huggingface.co/spaces/timbrooks/instruct-pix2pix",
             "https://huggingface.co/spaces/timbrooks/instruct-pix2pix", "abstract"),
        ],
        refs=[("2112.10752", "author-year", "Rombach et al. (2021)")],
        code=("released", "repo-link", "code GitHub.com/timothybrooks/instruct-pix2pix"),
    ),
    dict(
        key="stylegan2",
        title="Analyzing and Improving the Image Quality of StyleGAN",
        meta=("6", "Dec 3, 2019 7"),
        abstract=(
            "The blob-shaped artefacts typical of StyleGAN images are traced back to its normalisation layers, "
            "which are redesigned; progressive growing gives way to skip and residual generator and "
            "discriminator designs, and a path-length regulariser makes the mapping from latent codes to images "
            "smoother. Like every model that descends from \"Generative Adversarial Networks\", it is trained "
            "as a two-player game, and both image quality metrics and the ease of attributing an image to its "
            "generator improve. TensorFlow code and models: \"https://github.com/NVlabs/stylegan2.git\"."
        ),
        links=[("repo", "github.com/nvlabs/stylegan2", "https://github.com/NVlabs/stylegan2.git", "abstract")],
        refs=[("title:Generative Adversarial Networks", "title", "Generative Adversarial Networks")],
        code=("released", "repo-link", "TensorFlow code and models:"),
    ),
    dict(
        key="fict-speech",
        fictional=True,
        title="Sparse Adapter Routing for Low-Resource Speech Translation",
        meta=("5", "Mar 11 4"),
        abstract=(
            "[Fictional example paper written for this demo; not a real publication.] We attach small "
            "low-rank adapters to a frozen multilingual speech encoder and train a router that picks two of "
            "them per utterance, so that one model serves forty low-resource language pairs. Building on LoRA, "
            "each adapter adds under one percent of compute. Our recipes extend "
            "github.com/facebookresearch/fairseq/tree/main/examples/speech_to_text. Code and checkpoints will be "
            "released upon acceptance at https://example.org/sparse-adapter-routing."
        ),
        links=[
            ("repo", "github.com/facebookresearch/fairseq",
             "github.com/facebookresearch/fairseq/tree/main/examples/speech_to_text", "abstract"),
            ("page", "example.org/sparse-adapter-routing", "https://example.org/sparse-adapter-routing", "abstract"),
        ],
        refs=[("2106.09685", "name", "LoRA")],
        code=("promised", "promise-phrase", "will be released upon acceptance"),
    ),
    dict(
        key="fict-budget",
        fictional=True,
        title="Budget-Aware Preference Tuning with Quantized Adapters",
        meta=("3", "Mar 12"),
        abstract=(
            "[Fictional example paper written for this demo; not a real publication.] We combine the 4-bit "
            "adapters of QLoRA with the preference loss of Rafailov et al. (2023) and show that preference "
            "tuning of a 7B model fits in \u224824 GB of GPU memory. Training uses the v1.2 release of our data "
            "pipeline and takes under six hours. An implementation is coming soon and will be contributed to "
            "github.com/huggingface/peft after review; questions to budget-tuning@example.org."
        ),
        links=[("repo", "github.com/huggingface/peft", "github.com/huggingface/peft", "abstract")],
        refs=[("2305.14314", "name", "QLoRA"), ("2305.18290", "author-year", "Rafailov et al. (2023)")],
        code=("promised", "promise-phrase", "An implementation is coming soon"),
    ),
]

# Order on the page: interleave papers with and without the optional metadata lines.
HF_ORDER = ["gpt2", "resnet", "alpaca", "ganss", "llama2", "nerf", "dropout", "gsplat", "controlnet", "mistral",
            "dpo-hf", "cot", "toolformer", "dinov2", "ip2p", "stylegan2", "fict-speech", "fict-budget"]

ARXIV = [
    dict(
        key="transformer", id="1706.03762", title="Attention Is All You Need",
        authors=["Ashish Vaswani", "Noam Shazeer", "Niki Parmar", "Jakob Uszkoreit", "Llion Jones",
                 "Aidan N. Gomez", "Lukasz Kaiser", "Illia Polosukhin"],
        categories=["cs.CL", "cs.LG"], date="2017-06-12", wrap=True, comment=None,
        abstract=(
            "The Transformer drops recurrence and convolution altogether: an encoder-decoder built only from "
            "multi-head self-attention and position-wise feed-forward layers, with sinusoidal position "
            "encodings so that word order is not lost. Because every position is processed in parallel it "
            "trains much faster, and it set new BLEU records on WMT 2014 English-German and English-French "
            "translation. Attention, introduced for translation in arXiv:1409.0473, becomes the only way "
            "positions exchange information, and training uses Adam with a warm-up learning-rate schedule. The original "
            "implementation is part of \\href{https://github.com/tensorflow/tensor2tensor}{tensor2tensor}."
        ),
        links=[
            ("paper", "arxiv:1409.0473", "arXiv:1409.0473", "abstract"),
            ("repo", "github.com/tensorflow/tensor2tensor", "https://github.com/tensorflow/tensor2tensor", "abstract"),
        ],
        refs=[("1412.6980", "name", "Adam")],
        code=("released", "repo-link", "The original implementation is part of"),
    ),
    dict(
        key="bert", id="1810.04805",
        title="BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
        authors=["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"],
        categories=["cs.CL"], date="2018-10-11", wrap=False, comment=None,
        abstract=(
            "A bidirectional Transformer encoder is pretrained on unlabeled text with two self-supervised tasks, "
            "recovering masked-out words and deciding whether one sentence follows another; "
            "adapting it to a task only means adding one output layer and fine-tuning everything. The encoder "
            "follows Vaswani et al. (2017). At publication this put it first on eleven language understanding "
            "benchmarks, GLUE and SQuAD among them. Code and pretrained checkpoints are released "
            "in \\href{https://github.com/google-research/bert}{our repository}."
        ),
        links=[("repo", "github.com/google-research/bert", "https://github.com/google-research/bert", "abstract")],
        refs=[("1706.03762", "author-year", "Vaswani et al. (2017)")],
        code=("released", "repo-link", "Code and pretrained checkpoints are released"),
    ),
    dict(
        key="lora", id="2106.09685", title="LoRA: Low-Rank Adaptation of Large Language Models",
        authors=["Edward J. Hu", "Yelong Shen", "Phillip Wallis", "Zeyuan Allen-Zhu", "Yuanzhi Li",
                 "Shean Wang", "Lu Wang", "Weizhu Chen"],
        categories=["cs.CL", "cs.AI", "cs.LG"], date="2021-06-17", wrap=True,
        comment="Code: https://github.com/microsoft/LoRA",
        abstract=(
            "Fine-tuning every weight of a huge pretrained model is expensive to train and to store, so LoRA "
            "keeps the model fixed and learns, next to each adapted weight matrix, two thin matrices whose "
            "product is the update. On a 175B model the trainable parameters shrink by about four orders of "
            "magnitude and GPU memory roughly threefold, and merging the product back into the weights leaves "
            "inference as fast as before. Experiments cover RoBERTa, DeBERTa and GPT-3. A PyTorch package "
            "implementing it is available at http://github.com/microsoft/LoRA."
        ),
        links=[
            ("repo", "github.com/microsoft/lora", "https://github.com/microsoft/LoRA", "comment"),
            ("repo", "github.com/microsoft/lora", "http://github.com/microsoft/LoRA", "abstract"),
        ],
        refs=[("1907.11692", "name", "RoBERTa")],
        code=("released", "repo-link", "A PyTorch package implementing it is available at"),
    ),
    dict(
        key="llama", id="2302.13971", title="LLaMA: Open and Efficient Foundation Language Models",
        authors=["Hugo Touvron", "Thibaut Lavril", "Gautier Izacard", "Xavier Martinet", "Marie-Anne Lachaux",
                 "Timoth\u00e9e Lacroix", "Baptiste Rozi\u00e8re", "Naman Goyal", "Eric Hambro", "Faisal Azhar",
                 "Aurelien Rodriguez", "Armand Joulin", "Edouard Grave", "Guillaume Lample"],
        categories=["cs.CL"], date="2023-02-27", wrap=False, comment=None,
        abstract=(
            "A set of foundation language models from 7B to 65B parameters, trained only on publicly available "
            "data, shows that a 13B model trained on enough tokens can beat much larger proprietary models on "
            "most benchmarks, and that the 65B model is competitive with the best models of its time. The "
            "architecture is the Transformer (Vaswani et al., 2017) with pre-normalisation, SwiGLU activations "
            "and rotary position embeddings. All models were released to the research community through "
            "github.com/facebookresearch/llama (overview: https://en.wikipedia.org/wiki/Llama_(language_model))."
        ),
        links=[
            ("repo", "github.com/facebookresearch/llama", "github.com/facebookresearch/llama", "abstract"),
            ("page", "en.wikipedia.org/wiki/Llama_(language_model)",
             "https://en.wikipedia.org/wiki/Llama_(language_model)", "abstract"),
        ],
        refs=[("1706.03762", "author-year", "Vaswani et al., 2017")],
        code=("released", "repo-link", "All models were released to the research community through"),
    ),
    dict(
        key="ldm", id="2112.10752", title="High-Resolution Image Synthesis with Latent Diffusion Models",
        authors=["Robin Rombach", "Andreas Blattmann", "Dominik Lorenz", "Patrick Esser", "Bj\u00f6rn Ommer"],
        categories=["cs.CV"], date="2021-12-20", wrap=True, comment=None,
        abstract=(
            "Diffusion models are trained and sampled in the latent space of a pretrained autoencoder instead "
            "of in pixel space, which cuts compute sharply while keeping fine detail. Cross-attention layers let "
            "the denoising network be conditioned on text, semantic layouts or other inputs, giving strong "
            "results for text-to-image synthesis, inpainting and super-resolution. The denoising objective is "
            "the one of Ho et al. (2020). Code and models: https://github.com/CompVis/latent-diffusion; the "
            "text-to-image model trained later at a larger scale lives at "
            "https://github.com/CompVis/stable-diffusion."
        ),
        links=[
            ("repo", "github.com/compvis/latent-diffusion", "https://github.com/CompVis/latent-diffusion", "abstract"),
            ("repo", "github.com/compvis/stable-diffusion", "https://github.com/CompVis/stable-diffusion", "abstract"),
        ],
        refs=[("2006.11239", "author-year", "Ho et al. (2020)")],
        code=("released", "repo-link", "Code and models:"),
    ),
    dict(
        key="ddpm", id="2006.11239", title="Denoising Diffusion Probabilistic Models",
        authors=["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"],
        categories=["cs.LG", "stat.ML"], date="2020-06-19", wrap=False, comment=None,
        abstract=(
            "A generative model learns to reverse a fixed process that gradually corrupts images with Gaussian "
            "noise, removing a little of it per step. Training reduces to predicting the added noise with a "
            "plain mean-squared loss, which turns out to be closely related to denoising score matching, and "
            "samples on CIFAR-10 (https://www.cs.toronto.edu/~kriz/cifar.html) and LSUN are competitive with the "
            "best GANs of the time. Our implementation is at 'https://github.com/hojonathanho/diffusion'."
        ),
        links=[
            ("page", "cs.toronto.edu/~kriz/cifar.html", "https://www.cs.toronto.edu/~kriz/cifar.html", "abstract"),
            ("repo", "github.com/hojonathanho/diffusion", "https://github.com/hojonathanho/diffusion", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "Our implementation is at"),
    ),
    dict(
        key="clip", id="2103.00020", title="Learning Transferable Visual Models From Natural Language Supervision",
        authors=["Alec Radford", "Jong Wook Kim", "Chris Hallacy", "Aditya Ramesh", "Gabriel Goh",
                 "Sandhini Agarwal", "Girish Sastry", "Amanda Askell", "Pamela Mishkin", "Jack Clark",
                 "Gretchen Krueger", "Ilya Sutskever"],
        categories=["cs.CV", "cs.LG"], date="2021-02-26", wrap=True, comment=None,
        abstract=(
            "An image encoder and a text encoder are trained together, with a contrastive objective, to match "
            "400 million images from the internet with their captions. The image encoder is either a "
            "convolutional network or a Vision Transformer (Dosovitskiy et al., 2020). The resulting model "
            "classifies images zero-shot by comparing them with captions such as 'a photo of a dog', and it "
            "transfers to dozens of vision datasets without task-specific training. Code and weights: "
            "\\url{https://github.com/OpenAI/CLIP}."
        ),
        links=[("repo", "github.com/openai/clip", "https://github.com/OpenAI/CLIP", "abstract")],
        refs=[("2010.11929", "author-year", "Dosovitskiy et al., 2020")],
        code=("released", "repo-link", "Code and weights:"),
    ),
    dict(
        key="vit", id="2010.11929",
        title="An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
        authors=["Alexey Dosovitskiy", "Lucas Beyer", "Alexander Kolesnikov", "Dirk Weissenborn", "Xiaohua Zhai",
                 "Thomas Unterthiner", "Mostafa Dehghani", "Matthias Minderer", "Georg Heigold", "Sylvain Gelly",
                 "Jakob Uszkoreit", "Neil Houlsby"],
        categories=["cs.CV", "cs.AI", "cs.LG"], date="2020-10-22", wrap=False, comment=None,
        abstract=(
            "An image is cut into fixed-size patches, each patch is embedded linearly, and the sequence goes "
            "through a standard Transformer encoder as in \"Attention Is All You Need\", with almost no "
            "image-specific inductive bias. Pretrained with Adam (Kingma & Ba, 2014) on large datasets such as "
            "ImageNet-21k (https://doi.org/10.1109/CVPR.2009.5206848) or JFT-300M, it matches or beats strong "
            "convolutional networks while needing less compute to train. Fine-tuning code and checkpoints are "
            "available at https://github.com/google-research/vision_transformer"
        ),
        links=[
            ("paper", "doi:10.1109/cvpr.2009.5206848", "https://doi.org/10.1109/CVPR.2009.5206848", "abstract"),
            ("repo", "github.com/google-research/vision_transformer",
             "https://github.com/google-research/vision_transformer", "abstract"),
        ],
        refs=[("1706.03762", "title", "Attention Is All You Need"), ("1412.6980", "name", "Adam"),
              ("1412.6980", "author-year", "Kingma & Ba, 2014")],
        code=("released", "repo-link", "Fine-tuning code and checkpoints are available at"),
    ),
    dict(
        key="swin", id="2103.14030", title="Swin Transformer: Hierarchical Vision Transformer using Shifted Windows",
        authors=["Ze Liu", "Yutong Lin", "Yue Cao", "Han Hu", "Yixuan Wei", "Zheng Zhang", "Stephen Lin",
                 "Baining Guo"],
        categories=["cs.CV", "cs.LG"], date="2021-03-25", wrap=True, comment=None,
        abstract=(
            "A hierarchical vision Transformer computes self-attention inside local windows and shifts the "
            "window grid between consecutive layers so that information flows across windows, which keeps the "
            "cost linear in image size. Unlike the single-scale, low-resolution and quadratic-cost model of "
            "Dosovitskiy et al. (2020), it produces "
            "multi-scale feature maps, so it drops into detection and segmentation pipelines, where it clearly "
            "beat earlier backbones on COCO and ADE20K. Code:https://github.com/microsoft/Swin-Transformer"
        ),
        links=[("repo", "github.com/microsoft/swin-transformer", "https://github.com/microsoft/Swin-Transformer",
                "abstract")],
        refs=[("2010.11929", "author-year", "Dosovitskiy et al. (2020)")],
        code=("released", "repo-link", "Code:https://github.com/microsoft/Swin-Transformer"),
    ),
    dict(
        key="qlora", id="2305.14314", title="QLoRA: Efficient Finetuning of Quantized LLMs",
        authors=["Tim Dettmers", "Artidoro Pagnoni", "Ari Holtzman", "Luke Zettlemoyer"],
        categories=["cs.LG"], date="2023-05-23", wrap=False,
        comment="Extended version; code at https://github.com/artidoro/qlora",
        abstract=(
            "Low-rank adapters are trained on top of a base model whose frozen weights are stored in 4 bits, "
            "which brings fine-tuning of a 65B model down to one 48 GB GPU without losing the quality of 16-bit "
            "fine-tuning. The savings come from a 4-bit data type suited to normally distributed weights, from "
            "quantising the quantisation constants themselves, and from paged optimiser states that ride out "
            "memory spikes. Building on LoRA (Hu et al. (2021), arxiv.org/abs/2106.09685), the "
            "resulting Guanaco chat models come close to ChatGPT on the Vicuna benchmark. Code: "
            "{https://github.com/artidoro/qlora}, with the CUDA kernels in "
            "https://github.com/TimDettmers/bitsandbytes and integration into github.com/huggingface/transformers."
        ),
        links=[
            ("repo", "github.com/artidoro/qlora", "https://github.com/artidoro/qlora", "comment"),
            ("paper", "arxiv:2106.09685", "arxiv.org/abs/2106.09685", "abstract"),
            ("repo", "github.com/artidoro/qlora", "https://github.com/artidoro/qlora", "abstract"),
            ("repo", "github.com/timdettmers/bitsandbytes", "https://github.com/TimDettmers/bitsandbytes",
             "abstract"),
            ("repo", "github.com/huggingface/transformers", "github.com/huggingface/transformers", "abstract"),
        ],
        refs=[("2106.09685", "name", "LoRA"), ("2106.09685", "author-year", "Hu et al. (2021)"),
              ("2106.09685", "arxiv-id", "arxiv.org/abs/2106.09685")],
        code=("released", "repo-link", "Code:"),
    ),
    dict(
        key="flash", id="2205.14135",
        title="FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
        authors=["Tri Dao", "Daniel Y. Fu", "Stefano Ermon", "Atri Rudra", "Christopher R\u00e9"],
        categories=["cs.LG"], date="2022-05-27", wrap=True, comment=None,
        abstract=(
            "Standard attention is slow on GPUs mostly because it writes the full attention matrix to "
            "high-bandwidth memory and reads it back. FlashAttention computes exact attention in tiles that stay "
            "in fast on-chip SRAM and recomputes what it needs during the backward pass, so memory grows "
            "linearly with sequence length and wall-clock time drops, e.g. about 3\u00d7 faster training of a "
            "GPT-style model. The same idea gives a fast block-sparse attention and makes longer contexts "
            "practical. Code is available at https://github.com/HazyResearch/flash-attention."
        ),
        links=[("repo", "github.com/hazyresearch/flash-attention", "https://github.com/HazyResearch/flash-attention",
                "abstract")],
        refs=[],
        code=("released", "repo-link", "Code is available at"),
    ),
    dict(
        key="sam", id="2304.02643", title="Segment Anything",
        authors=["Alexander Kirillov", "Eric Mintun", "Nikhila Ravi", "Hanzi Mao", "Chloe Rolland",
                 "Laura Gustafson", "Tete Xiao", "Spencer Whitehead", "Alexander C. Berg", "Wan-Yen Lo",
                 "Piotr Doll\u00e1r", "Ross Girshick"],
        categories=["cs.CV", "cs.AI", "cs.LG"], date="2023-04-05", wrap=True,
        comment="Project page: https://segment-anything.com",
        abstract=(
            "A promptable segmentation model returns a valid mask for any point, box or rough text prompt, and a "
            "data engine in which the model assisted human annotators produced SA-1B, more than a billion masks "
            "on eleven million licensed images. The model pairs a heavy image encoder with a light prompt "
            "encoder and mask decoder, and it transfers zero-shot to many segmentation tasks. The model, code and "
            "data are at https://github.com/facebookresearch/" + SPLIT + "segment-anything and "
            "https://segment-anything.com."
        ),
        links=[
            ("page", "segment-anything.com", "https://segment-anything.com", "comment"),
            ("repo", "github.com/facebookresearch/segment-anything",
             "https://github.com/facebookresearch/segment-anything", "abstract"),
            ("page", "segment-anything.com", "https://segment-anything.com", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "The model, code and data are at"),
    ),
    dict(
        key="roberta", id="1907.11692", title="RoBERTa: A Robustly Optimized BERT Pretraining Approach",
        authors=["Yinhan Liu", "Myle Ott", "Naman Goyal", "Jingfei Du", "Mandar Joshi", "Danqi Chen", "Omer Levy",
                 "Mike Lewis", "Luke Zettlemoyer", "Veselin Stoyanov"],
        categories=["cs.CL"], date="2019-07-26", wrap=False, comment=None,
        abstract=(
            "Re-running BERT pretraining (see https://en.wikipedia.org/wiki/BERT_(language_model)) with "
            "careful ablations shows that its recipe, not its architecture, was holding it back: with longer "
            "training, bigger batches, more text, no next-sentence task, longer sequences and masks that change "
            "every epoch, the same model overtakes the systems that had followed it on GLUE, RACE and SQuAD. "
            "Models and code are part of fairseq: "
            "https://github.com/facebookresearch/fairseq/tree/main/examples/roberta."
        ),
        links=[
            ("page", "en.wikipedia.org/wiki/BERT_(language_model)",
             "https://en.wikipedia.org/wiki/BERT_(language_model)", "abstract"),
            ("repo", "github.com/facebookresearch/fairseq",
             "https://github.com/facebookresearch/fairseq/tree/main/examples/roberta", "abstract"),
        ],
        refs=[("1810.04805", "name", "BERT")],
        code=("released", "repo-link", "Models and code are part of fairseq:"),
    ),
    dict(
        key="xlnet", id="1906.08237", title="XLNet: Generalized Autoregressive Pretraining for Language Understanding",
        authors=["Zhilin Yang", "Zihang Dai", "Yiming Yang", "Jaime Carbonell", "Ruslan Salakhutdinov",
                 "Quoc V. Le"],
        categories=["cs.CL", "cs.LG"], date="2019-06-19", wrap=True, comment=None,
        abstract=(
            "Instead of masking tokens, the model is trained autoregressively over randomly permuted prediction "
            "orders, so each token learns to use context on both sides while the input stays uncorrupted; "
            "memory across segments and relative positions come from Transformer-XL. It beat BERT on 20 tasks "
            "when it came out. Pretrained models and code "
            "[https://github.com/zihangdai/xlnet]."
        ),
        links=[("repo", "github.com/zihangdai/xlnet", "https://github.com/zihangdai/xlnet", "abstract")],
        refs=[("1810.04805", "name", "BERT")],
        code=("released", "repo-link", "Pretrained models and code"),
    ),
    dict(
        key="megatron", id="1909.08053",
        title="Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism",
        authors=["Mohammad Shoeybi", "Mostofa Patwary", "Raul Puri", "Patrick LeGresley", "Jared Casper",
                 "Bryan Catanzaro"],
        categories=["cs.CL"], date="2019-09-17", wrap=True, comment=None,
        abstract=(
            "The weight matrices of every Transformer layer are split column- and row-wise across GPUs, so a "
            "layer needs only a couple of all-reduce operations per pass and the whole scheme is written in "
            "plain PyTorch. This way the authors train an 8.3B-parameter GPT-style model and a 3.9B-parameter "
            "BERT-style model on 512 GPUs with good scaling. Code is "
            "available at https:" + SPLIT + "//github.com/NVIDIA/Megatron-LM."
        ),
        links=[("repo", "github.com/nvidia/megatron-lm", "https://github.com/NVIDIA/Megatron-LM", "abstract")],
        refs=[("1810.04805", "name", "BERT")],
        code=("released", "repo-link", "Code is available at"),
    ),
    dict(
        key="mmlu", id="2009.03300", title="Measuring Massive Multitask Language Understanding",
        authors=["Dan Hendrycks", "Collin Burns", "Steven Basart", "Andy Zou", "Mantas Mazeika", "Dawn Song",
                 "Jacob Steinhardt"],
        categories=["cs.CY", "cs.AI", "cs.CL", "cs.LG"], date="2020-09-07", wrap=False, comment=None,
        abstract=(
            "A benchmark of multiple-choice questions from 57 subjects, from elementary mathematics to law and "
            "medicine, measures how much world knowledge and problem-solving ability a text model has picked up "
            "during pretraining. When it appeared, most models were barely above guessing, the biggest GPT-3 "
            "was clearly better but far from expert level, and scores varied a lot from subject to subject. "
            "The test is at "
            "https://github.com/hendrycks/test and on the \U0001F917 Hub at huggingface.co/datasets/cais/mmlu."
        ),
        links=[
            ("repo", "github.com/hendrycks/test", "https://github.com/hendrycks/test", "abstract"),
            ("artifact", "huggingface.co/datasets/cais/mmlu", "huggingface.co/datasets/cais/mmlu", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "The test is at"),
    ),
    dict(
        key="gsm8k", id="2110.14168", title="Training Verifiers to Solve Math Word Problems",
        authors=["Karl Cobbe", "Vineet Kosaraju", "Mohammad Bavarian", "Mark Chen", "Heewoo Jun", "Lukasz Kaiser",
                 "Matthias Plappert", "Jerry Tworek", "Jacob Hilton", "Reiichiro Nakano", "Christopher Hesse",
                 "John Schulman"],
        categories=["cs.LG", "cs.CL"], date="2021-10-27", wrap=False, comment=None,
        abstract=(
            "GSM8K is a set of 8.5K grade-school math word problems written by people, each needing a few steps "
            "of basic arithmetic. Even large fine-tuned models struggle, so the paper trains verifiers that score "
            "many sampled solutions and keeps the top-ranked one, which is worth roughly as much as a 30x bigger "
            "generator. Data and grading code: https://github.com/openai/grade-school-math (mirror: "
            "huggingface.co/datasets/openai/gsm8k). If you use the problems, please link "
            "https://github.com/openai/grade-school-math rather than copying them."
        ),
        links=[
            ("repo", "github.com/openai/grade-school-math", "https://github.com/openai/grade-school-math", "abstract"),
            ("artifact", "huggingface.co/datasets/openai/gsm8k", "huggingface.co/datasets/openai/gsm8k", "abstract"),
            ("repo", "github.com/openai/grade-school-math", "https://github.com/openai/grade-school-math", "abstract"),
        ],
        refs=[],
        code=("released", "repo-link", "Data and grading code:"),
    ),
    dict(
        key="adam", id="1412.6980", title="Adam: A Method for Stochastic Optimization",
        authors=["Diederik P. Kingma", "Jimmy Ba"],
        categories=["cs.LG"], date="2014-12-22", wrap=True, comment=None,
        abstract=(
            "Each parameter gets its own step size, computed from exponentially decaying averages of past "
            "gradients and of their squares, with a start-up correction because both averages begin at zero. "
            "In practice the method needs little tuning and little memory, which made it the default optimiser "
            "for deep networks. The paper also analyses convergence in the online convex setting and "
            "introduces a max-norm variant, AdaMax."
        ),
        links=[],
        refs=[],
        code=("none", None, None),
    ),
]

DAILY = [
    dict(
        key="qlora-daily", id="2305.14314", same_as="qlora", upvotes=120, published="2023-05-23",
        github="https://github.com/artidoro/qlora", project=None,
    ),
    dict(
        key="dpo-daily", id="2305.18290", same_as="dpo-hf", upvotes=58, published="2023-05-29",
        title="Direct Preference Optimization: Your Language Model Is Secretly a Reward Model",
        authors=["Rafael Rafailov", "Archit Sharma", "Eric Mitchell", "Stefano Ermon", "Christopher D. Manning",
                 "Chelsea Finn"],
        github="https://github.com/eric-mitchell/direct-preference-optimization", project=None,
    ),
    dict(
        key="flash2", id="2307.08691", upvotes=64, published="2023-07-17",
        title="FlashAttention-2: Faster Attention with Better Parallelism and Work Partitioning",
        authors=["Tri Dao"],
        github="https://github.com/Dao-AILab/flash-attention", project=None,
        abstract=(
            "FlashAttention-2 reworks how the attention kernel divides work between GPU thread blocks and "
            "warps: it parallelises over the sequence length as well as over batch and heads, and it trims the "
            "operations that are not matrix multiplications. That roughly doubles the speed of FlashAttention "
            "(Dao et al., 2022) and brings attention close to the throughput of a plain matrix multiply on A100 "
            "GPUs, so end-to-end training of GPT-style models gets faster too. Code: "
            "https://github.com/Dao-AILab/flash-attention (previously github.com/HazyResearch/flash-attention)."
        ),
        links=[
            ("repo", "github.com/dao-ailab/flash-attention", "https://github.com/Dao-AILab/flash-attention",
             "abstract"),
            ("repo", "github.com/hazyresearch/flash-attention", "github.com/HazyResearch/flash-attention",
             "abstract"),
            ("repo", "github.com/dao-ailab/flash-attention", "https://github.com/Dao-AILab/flash-attention",
             "metadata"),
        ],
        refs=[("2205.14135", "name", "FlashAttention"), ("2205.14135", "author-year", "Dao et al., 2022")],
        code=("released", "repo-link", "Code:"),
    ),
    dict(
        key="mamba", id="2312.00752", upvotes=143, published="2023-12-01",
        title="Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
        authors=["Albert Gu", "Tri Dao"],
        github="https://github.com/state-spaces/mamba", project=None,
        abstract=(
            "Mamba replaces attention with state space layers whose transition parameters are computed from the "
            "current token, which lets the recurrence choose per token what to remember. The layers run as a "
            "fused, hardware-aware scan in the spirit of FlashAttention (Dao et al., 2022), so training is fast "
            "and generation needs constant memory per step; a 3B model is competitive with Transformers of "
            "about double its size on language modelling. Code and checkpoints: https://github.com/state-spaces/mamba, e.g. "
            "hf.co/state-spaces/mamba-2.8b."
        ),
        links=[
            ("repo", "github.com/state-spaces/mamba", "https://github.com/state-spaces/mamba", "abstract"),
            ("artifact", "huggingface.co/state-spaces/mamba-2.8b", "hf.co/state-spaces/mamba-2.8b", "abstract"),
            ("repo", "github.com/state-spaces/mamba", "https://github.com/state-spaces/mamba", "metadata"),
        ],
        refs=[("2205.14135", "name", "FlashAttention"), ("2205.14135", "author-year", "Dao et al., 2022")],
        code=("released", "repo-link", "Code and checkpoints:"),
    ),
    dict(
        key="vllm", id="2309.06180", upvotes=31, published="2023-09-12",
        title="Efficient Memory Management for Large Language Model Serving with PagedAttention",
        authors=["Woosuk Kwon", "Zhuohan Li", "Siyuan Zhuang", "Ying Sheng", "Lianmin Zheng", "Cody Hao Yu",
                 "Joseph E. Gonzalez", "Hao Zhang", "Ion Stoica"],
        github="https://github.com/vllm-project/vllm", project=None,
        abstract=(
            "When many requests are served at once, the key-value caches of their attention layers take most of "
            "the GPU memory and, kept in contiguous buffers, leave much of it fragmented and idle. "
            "PagedAttention cuts the cache into fixed-size blocks addressed through a table, the way an "
            "operating system pages memory, so blocks are handed out on demand and shared between sequences; "
            "the vLLM server built on it serves OPT and LLaMA models with 2\u20134\u00d7 higher throughput at "
            "comparable latency. Source: "
            "https://github.com/vllm-project/vllm."
        ),
        links=[
            ("repo", "github.com/vllm-project/vllm", "https://github.com/vllm-project/vllm", "abstract"),
            ("repo", "github.com/vllm-project/vllm", "https://github.com/vllm-project/vllm", "metadata"),
        ],
        refs=[("2302.13971", "name", "LLaMA")],
        code=("released", "repo-link", "Source:"),
    ),
    dict(
        key="llava", id="2304.08485", upvotes=77, published="2023-04-17",
        title="Visual Instruction Tuning",
        authors=["Haotian Liu", "Chunyuan Li", "Qingyang Wu", "Yong Jae Lee"],
        github="https://github.com/haotian-liu/LLaVA", project="https://llava-vl.github.io",
        abstract=(
            "A text-only GPT-4 turns image captions and bounding boxes into multimodal instruction-following "
            "conversations, and a vision encoder is connected to a language model through a simple projection "
            "and trained end to end on that data. The resulting assistant, LLaVA, holds open-ended conversations "
            "about images and, fine-tuned on ScienceQA, set a new state of the art there. Project page: "
            "https://llava-vl.github.io/ ; data: "
            "https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K/blob/main/llava_v1_5_mix665k.json ; "
            "later checkpoints such as huggingface.co/liuhaotian/llava-v1.5-7b train with FlashAttention-2 "
            "kernels (github.com/Dao-AILab/flash-attention)."
        ),
        links=[
            ("page", "llava-vl.github.io", "https://llava-vl.github.io/", "abstract"),
            ("artifact", "huggingface.co/datasets/liuhaotian/llava-instruct-150k",
             "https://huggingface.co/datasets/liuhaotian/LLaVA-Instruct-150K/blob/main/llava_v1_5_mix665k.json",
             "abstract"),
            ("artifact", "huggingface.co/liuhaotian/llava-v1.5-7b", "huggingface.co/liuhaotian/llava-v1.5-7b",
             "abstract"),
            ("repo", "github.com/dao-ailab/flash-attention", "github.com/Dao-AILab/flash-attention", "abstract"),
            ("repo", "github.com/haotian-liu/llava", "https://github.com/haotian-liu/LLaVA", "metadata"),
            ("page", "llava-vl.github.io", "https://llava-vl.github.io", "metadata"),
        ],
        refs=[("2307.08691", "name", "FlashAttention-2")],
        code=("released", "repo-link", None),
    ),
    dict(
        key="swebench", id="2310.06770", upvotes=26, published="2023-10-10",
        title="SWE-bench: Can Language Models Resolve Real-World GitHub Issues?",
        authors=["Carlos E. Jimenez", "John Yang", "Alexander Wettig", "Shunyu Yao", "Kexin Pei", "Ofir Press",
                 "Karthik Narasimhan"],
        github="https://github.com/princeton-nlp/SWE-bench", project="https://www.swebench.com",
        abstract=(
            "The benchmark collects 2,294 real GitHub issues, together with the pull requests that fixed them, "
            "from 12 popular Python repositories; a model receives the repository and the issue text and must "
            "write a patch that makes the held-out tests pass. Even the strongest models of the time resolved "
            "only a few percent of the issues. Data, evaluation harness and leaderboard: "
            "https://www.swebench.com, https://github.com/princeton-nlp/SWE-bench and "
            "huggingface.co/datasets/princeton-nlp/SWE-bench."
        ),
        links=[
            ("page", "swebench.com", "https://www.swebench.com", "abstract"),
            ("repo", "github.com/princeton-nlp/swe-bench", "https://github.com/princeton-nlp/SWE-bench", "abstract"),
            ("artifact", "huggingface.co/datasets/princeton-nlp/swe-bench",
             "huggingface.co/datasets/princeton-nlp/SWE-bench", "abstract"),
            ("repo", "github.com/princeton-nlp/swe-bench", "https://github.com/princeton-nlp/SWE-bench", "metadata"),
            ("page", "swebench.com", "https://www.swebench.com", "metadata"),
        ],
        refs=[],
        code=("released", "repo-link", "Data, evaluation harness and leaderboard:"),
    ),
    dict(
        key="selfinstruct", id="2212.10560", upvotes=12, published="2022-12-20",
        title="Self-Instruct: Aligning Language Models with Self-Generated Instructions",
        authors=["Yizhong Wang", "Yeganeh Kordi", "Swaroop Mishra", "Alisa Liu", "Noah A. Smith",
                 "Daniel Khashabi", "Hannaneh Hajishirzi"],
        github="https://github.com/yizhongw/self-instruct", project=None,
        abstract=(
            "Starting from 175 seed tasks written by hand, a language model is prompted to invent further tasks "
            "together with example inputs and answers; simple heuristics throw away malformed or repetitive "
            "ones, and the surviving synthetic data is used to instruction-tune the same model. GPT-3 tuned this "
            "way improves a lot on held-out tasks and gets close to a model trained on private human "
            "instructions. The "
            "generated data and the pipeline are at https://github.com/yizhongw/self-instruct."
        ),
        links=[
            ("repo", "github.com/yizhongw/self-instruct", "https://github.com/yizhongw/self-instruct", "abstract"),
            ("repo", "github.com/yizhongw/self-instruct", "https://github.com/yizhongw/self-instruct", "metadata"),
        ],
        refs=[],
        code=("released", "repo-link", "The generated data and the pipeline are at"),
    ),
]


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------

def hard_wrap(text):
    """Greedy wrap at WIDTH on spaces; a SPLIT marker inside a token forces a line break there
    (the way the old arXiv API cut long URLs)."""
    lines, line = [], ""
    for token in text.split(" "):
        pieces = token.split(SPLIT)
        for i, piece in enumerate(pieces):
            if i == 0:
                candidate = piece if not line else line + " " + piece
                if len(candidate) <= WIDTH or not line:
                    line = candidate
                else:
                    lines.append(line)
                    line = piece
            else:
                lines.append(line)
                line = piece
    lines.append(line)
    return "\n".join(lines)


def find_flexible(haystack, needle, start):
    """Find `needle` in `haystack` from `start`, letting a wrap newline replace a space or sit
    between two characters (hard-wrapped abstracts)."""
    parts = []
    for ch in needle:
        parts.append("[ \n]" if ch == " " else re.escape(ch))
    pattern = "\n?".join(parts)
    m = re.compile(pattern).search(haystack, start)
    return m


def fail(msg):
    sys.exit("make_sample.py: " + msg)


def main():
    by_key = {}
    for p in HF_PAGE:
        p["file"] = "hf-papers-page.txt"
        by_key[p["key"]] = p
    for p in ARXIV:
        p["file"] = "arxiv-listing.jsonl"
        by_key[p["key"]] = p
    for p in DAILY:
        p["file"] = "daily-papers.json"
        if "same_as" in p:
            src = by_key[p["same_as"]]
            p.setdefault("title", src["title"])
            p.setdefault("authors", src.get("authors"))
            p["abstract"] = src["abstract"].replace(SPLIT, "")
            p["links"] = [l for l in src["links"] if l[3] == "abstract"] + [
                ("repo", "github.com/" + p["github"].split("github.com/")[1].lower(), p["github"], "metadata")]
            p["refs"] = list(src["refs"])
            p["code"] = src["code"]
        by_key[p["key"]] = p

    # ---- final field texts -------------------------------------------------------------------
    for p in by_key.values():
        raw = p["abstract"]
        if p.get("wrap"):
            p["text_abstract"] = hard_wrap(raw)
        else:
            if SPLIT in raw:
                fail(p["key"] + ": split marker in an unwrapped abstract")
            p["text_abstract"] = raw
        if "\n" in raw:
            fail(p["key"] + ": newline in source abstract")

    # ---- hf-papers-page.txt --------------------------------------------------------------------
    chrome = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "Daily Papers", "",
              "byAK and the research community", "", "Mar 13", ""]
    out = list(chrome)
    hf_line = {}
    for key in HF_ORDER:
        p = by_key[key]
        hf_line[key] = len(out) + 1
        out += [p["title"], "", p["text_abstract"], ""]
        if "meta" in p:
            count, date_line = p["meta"]
            out += ["  \u2022 " + count + " authors", "\u00b7", date_line, ""]
    page = "\n".join(out).rstrip("\n") + "\n"
    with open(os.path.join(HERE, "hf-papers-page.txt"), "w", encoding="utf-8") as f:
        f.write(page)

    # ---- arxiv-listing.jsonl ---------------------------------------------------------------------
    rows = []
    for p in ARXIV:
        rows.append(json.dumps({
            "id": p["id"], "title": p["title"], "authors": p["authors"], "categories": p["categories"],
            "comment": p["comment"], "abstract": p["text_abstract"], "listing_date": p["date"],
        }))
    with open(os.path.join(HERE, "arxiv-listing.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")

    # ---- daily-papers.json -------------------------------------------------------------------------
    items = []
    for p in DAILY:
        paper = {
            "id": p["id"], "title": p["title"], "summary": p["text_abstract"],
            "authors": [{"name": n} for n in p["authors"]],
            "publishedAt": p["published"] + "T00:00:00.000Z",
            "githubRepo": p["github"],
        }
        if p.get("project"):
            paper["projectPage"] = p["project"]
        paper["upvotes"] = p["upvotes"]
        items.append({"paper": paper})
    daily_text = json.dumps(items, indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(HERE, "daily-papers.json"), "w", encoding="utf-8") as f:
        f.write(daily_text)

    # ---- validate annotations against the written text -------------------------------------------
    all_ids = {p["id"] for p in by_key.values() if p.get("id")}
    title_of = {normalized_title(p["title"]): p for p in by_key.values()}

    def paper_key(p):
        return p.get("id") or normalized_title(p["title"])

    def cited_key(ref):
        if ref.startswith("title:"):
            t = normalized_title(ref[6:])
            if t not in title_of:
                fail("unknown cited title " + ref)
            return t
        if ref not in all_ids:
            fail("cited id not in set: " + ref)
        return ref

    def field_text(p, field):
        if field == "abstract":
            return p["text_abstract"]
        if field == "comment":
            return p.get("comment") or ""
        if field == "metadata":
            return None
        if field == "title":
            return p["title"]
        fail("bad field " + field)

    records = []
    for p in [by_key[k] for k in HF_ORDER] + ARXIV + DAILY:
        cursor = {}
        mentions = []
        for kind, target, core, field in p["links"]:
            text = field_text(p, field)
            if text is None:  # metadata: the URL is the whole field value
                role = "githubRepo" if kind == "repo" else "projectPage"
                value = p["github"] if role == "githubRepo" else p["project"]
                if value != core:
                    fail(p["key"] + ": metadata mismatch " + core)
                mentions.append(dict(kind=kind, target=target, field="metadata", role=role, text=core))
                continue
            m = find_flexible(text, core, cursor.get(field, 0))
            if not m:
                fail(p["key"] + ": link text not found: " + core)
            cursor[field] = m.end()
            mentions.append(dict(kind=kind, target=target, field=field, start=m.start(), end=m.end(),
                                 text=m.group(0)))
        refs = []
        rcursor = 0
        for ref, rule, written in p["refs"]:
            m = find_flexible(p["text_abstract"], written, 0)
            if not m:
                fail(p["key"] + ": reference text not found: " + written)
            refs.append(dict(cited=cited_key(ref), rule=rule, field="abstract", start=m.start(), end=m.end(),
                             text=m.group(0)))
        status, rule, evidence = p["code"]
        code = dict(status=status, rule=rule)
        if evidence:
            m = find_flexible(p["text_abstract"], evidence, 0)
            if not m:
                fail(p["key"] + ": evidence not found: " + evidence)
            code["evidence_contains"] = m.group(0)
        rec = dict(file=p["file"], key=paper_key(p), title=p["title"], fictional=bool(p.get("fictional")),
                   mentions=mentions, references=refs, code=code)
        if p["file"] == "hf-papers-page.txt":
            rec["line"] = hf_line[p["key"]]
        records.append(rec)

    # ---- cross-checks: names written in any text must match the reference annotations -----------
    names = {}
    for p in by_key.values():
        if ":" in p["title"]:
            names[p["title"].split(":")[0]] = paper_key(p)
    for rec, p in zip(records, [by_key[k] for k in HF_ORDER] + ARXIV + DAILY):
        text = p["text_abstract"]
        found = []
        taken = [(m["start"], m["end"]) for m in rec["mentions"] if m["field"] == "abstract"]
        for name in sorted(names, key=len, reverse=True):
            flexible = re.escape(name).replace("\\ ", "[ \n]")
            for m in re.finditer(r"(?<![A-Za-z0-9])" + flexible + r"(?![A-Za-z0-9])", text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if names[name] != rec["key"]:
                    found.append((names[name], m.group(0)))
        expected = [(r["cited"], r["text"]) for r in rec["references"] if r["rule"] == "name"]
        if sorted(found) != sorted(expected):
            fail(p["key"] + ": name references differ: found %s expected %s" % (found, expected))
    # every quoted full title and every author-year citation must be annotated, and only those
    titles = {}
    for p in by_key.values():
        titles[normalized_title(p["title"])] = paper_key(p)
    ay_re = re.compile(r"[A-Z][a-z]+(?: et al\.| & [A-Z][a-z]+)[ \n](?:\(\d{4}\)|\d{4})|"
                       r"[A-Z][a-z]+(?: et al\.,| & [A-Z][a-z]+,)[ \n]\d{4}")
    quote_re = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]")
    for rec, p in zip(records, [by_key[k] for k in HF_ORDER] + ARXIV + DAILY):
        text = p["text_abstract"]
        seen_titles = sorted(m.group(1) for m in quote_re.finditer(text)
                             if normalized_title(m.group(1)) in titles)
        want_titles = sorted(r["text"] for r in rec["references"] if r["rule"] == "title")
        if seen_titles != want_titles:
            fail(p["key"] + ": quoted titles differ: %s vs %s" % (seen_titles, want_titles))
        seen_ay = sorted(m.group(0) for m in ay_re.finditer(text))
        want_ay = sorted(r["text"] for r in rec["references"] if r["rule"] == "author-year")
        if seen_ay != want_ay:
            fail(p["key"] + ": author-year citations differ: %s vs %s" % (seen_ay, want_ay))
        for r in rec["references"]:
            if r["rule"] == "author-year":
                cited = next(q for q in by_key.values() if paper_key(q) == r["cited"] and q.get("authors"))
                surname = cited["authors"][0].split()[-1]
                year = (cited.get("date") or cited.get("published"))[:4]
                if not (r["text"].startswith(surname) and r["text"].rstrip(")").endswith(year)):
                    fail(p["key"] + ": author-year does not match cited paper: " + r["text"])
    # every URL-looking token must be annotated
    url_re = re.compile(r"(?i)(https?:|www\.|github\.com|huggingface\.co|hf\.co|arxiv\.org|doi:|arxiv:)")
    for rec, p in zip(records, [by_key[k] for k in HF_ORDER] + ARXIV + DAILY):
        for field in ("abstract", "comment"):
            text = field_text(p, field) or ""
            hits = [m.start() for m in url_re.finditer(text)]
            spans = [(m["start"], m["end"]) for m in rec["mentions"] if m["field"] == field]
            for h in hits:
                if not any(a <= h < b for a, b in spans):
                    fail("%s: unannotated link-like text at %s %d: %r" % (p["key"], field, h, text[h:h + 40]))

    # ---- dedup expectations ----------------------------------------------------------------------
    dedup = [
        dict(key="2305.14314", how="same arXiv id",
             records=["arxiv-listing.jsonl (QLoRA)", "daily-papers.json (QLoRA)"]),
        dict(key="2305.18290", how="same normalized title (HF page has no id; the daily-papers record has 2305.18290)",
             title_key=normalized_title(by_key["dpo-hf"]["title"]),
             records=["hf-papers-page.txt (Direct Preference Optimization ... is Secretly ...)",
                      "daily-papers.json (Direct Preference Optimization ... Is Secretly ...)"]),
    ]
    if normalized_title(by_key["dpo-hf"]["title"]) != normalized_title(by_key["dpo-daily"]["title"]):
        fail("DPO titles do not normalize to the same key")

    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(dict(records=records, dedup=dedup), f, indent=2, ensure_ascii=False)
        f.write("\n")

    write_expected_md(records, dedup, by_key)
    print("hf page: %d, arxiv: %d, daily: %d records; %d distinct papers" % (
        len(HF_PAGE), len(ARXIV), len(DAILY), len({r["key"] for r in records}) - 1))


def md_escape(s):
    return s.replace("\n", "\u23ce").replace("|", "\\|")


def write_expected_md(records, dedup, by_key):
    title_by_key = {}
    for r in records:
        title_by_key.setdefault(r["key"], r["title"])
    L = []
    L.append("# Expected extraction results for the demo corpus")
    L.append("")
    L.append("Generated by `make_sample.py` together with the three input files; `expected.json` holds the")
    L.append("same answers with offsets. Edit the script, not this file.")
    L.append("")
    L.append("## Conventions")
    L.append("")
    L.append("- **Canonical targets.** repo `github.com/owner/name` lower-case, no scheme, `www.`, `.git` or")
    L.append("  sub-path (`/tree/…`, `/blob/…`, `#readme`); bare `github.com/owner` is kind `owner`; artifacts")
    L.append("  `huggingface.co/datasets/owner/name`, `huggingface.co/owner/name` (models),")
    L.append("  `huggingface.co/spaces/owner/name`, lower-case, `hf.co` = `huggingface.co`, sub-paths dropped;")
    L.append("  papers `arxiv:ID` (version and `.pdf` dropped; `arxiv.org/abs|pdf/…` and `arXiv:` forms) and")
    L.append("  `doi:10.…` lower-case (`doi:` and `https://doi.org/` forms); page = host without `www.` (lower-case)")
    L.append("  + path with case kept, no trailing slash, no scheme.")
    L.append("- **Written as** is the link text as it stands in the field with enclosing punctuation, quotes,")
    L.append("  brackets and LaTeX wrappers (`\\url{…}`, `\\href{…}{…}`, `{…}`) removed; sub-paths stay.")
    L.append("  `⏎` marks a hard-wrap newline inside the span (arXiv abstracts). An extractor may widen a")
    L.append("  mention to cover a LaTeX wrapper (see `Mention.text`); tests should then check that its span")
    L.append("  contains this text. Offsets in `expected.json` are Unicode-scalar offsets of this text.")
    L.append("- Schemeless links are recognised for `github.com`, `huggingface.co`, `hf.co`, `arxiv.org` and")
    L.append("  hosts starting with `www.`; host matching is case-insensitive (`GitHub.com`).")
    L.append("- Field `metadata` = the `githubRepo` / `projectPage` values of a daily-papers record.")
    L.append("- **Code status.** released = a repo link (any field, metadata included) or code said to be")
    L.append("  available at a link/project page; promised = a promise phrase (\"will be released\", \"upon")
    L.append("  acceptance\", \"coming soon\", \"after review\") — it wins over a repo link in the same paper;")
    L.append("  none otherwise (a page link alone, without a code statement, is none).")
    L.append("- **References** between papers of the set. Rules: `arxiv-id` (an arXiv id written in any form")
    L.append("  that resolves to a paper of the set that has that id), `name` (the short name of a paper — the")
    L.append("  part of its title before the first colon — written as a whole word, case-sensitive, longest")
    L.append("  name wins: `FlashAttention-2` is not `FlashAttention`, `QLoRA`/`RoBERTa`/`DeBERTa` are not")
    L.append("  `LoRA`/`BERT`; `BERT-style` is `BERT`), `author-year` (first author's surname + `et al.` or a")
    L.append("  second author + the year of the paper's date, in `X et al. (Y)`, `X et al., Y`, `X & Z, Y` forms;")
    L.append("  only papers with author names, i.e. not HF-page records), `title` (a paper's full title in")
    L.append("  straight or curly double quotes). A paper never references itself. An arXiv id that is not in")
    L.append("  the set, or whose paper is only known by title, stays a dangling `paper` target.")
    L.append("- Paper keys: arXiv id when the record has one, otherwise the normalized title")
    L.append("  (`PaperIdentity.normalizedTitle`).")
    L.append("")
    L.append("## Deduplication")
    L.append("")
    for d in dedup:
        L.append("- `%s` — %s: %s." % (d["key"], d["how"], "; ".join(d["records"])))
        if d.get("title_key"):
            L.append("  The HF-page record's own key is `%s`; it merges with `%s` only if the store matches" % (
                d["title_key"], d["key"]))
            L.append("  title-only records against the titles of records with an id. Both records have identical")
            L.append("  abstracts, so the expected links of the merged paper are those listed below for either record")
            L.append("  plus the daily record's metadata link.")
    L.append("")
    L.append("So the three files hold %d records and %d distinct papers when both merges happen (%d when only" % (
        len(records), len({r["key"] for r in records}) - 1, len({r["key"] for r in records})))
    L.append("the id-based one does).")
    L.append("")

    for fname in ("hf-papers-page.txt", "arxiv-listing.jsonl", "daily-papers.json"):
        L.append("## %s" % fname)
        L.append("")
        for i, r in enumerate([r for r in records if r["file"] == fname], 1):
            where = ("line %d" % r["line"]) if "line" in r else ("record %d" % i)
            fic = " — *fictional example*" if r["fictional"] else ""
            L.append("### %s (%s; key `%s`)%s" % (r["title"], where, r["key"], fic))
            L.append("")
            c = r["code"]
            ev = (" — evidence contains \"%s\"" % md_escape(c["evidence_contains"])) if c.get(
                "evidence_contains") else ""
            L.append("Code status: **%s**%s%s" % (c["status"], (" (`%s`)" % c["rule"]) if c["rule"] else "", ev))
            L.append("")
            if r["mentions"]:
                L.append("| kind | target | field | written as |")
                L.append("|---|---|---|---|")
                for m in r["mentions"]:
                    L.append("| %s | `%s` | %s | `%s` |" % (m["kind"], m["target"], m["field"], md_escape(m["text"])))
            else:
                L.append("Links: none.")
            L.append("")
            if r["references"]:
                L.append("References: " + "; ".join(
                    "→ `%s` (%s) by **%s** `%s`" % (x["cited"], title_by_key.get(x["cited"], "?"), x["rule"],
                                                    md_escape(x["text"])) for x in r["references"]))
                L.append("")

    L.append("## All cross-paper references")
    L.append("")
    L.append("| citing | cited | rule | written as |")
    L.append("|---|---|---|---|")
    for r in records:
        for x in r["references"]:
            L.append("| `%s` (%s) | `%s` | %s | `%s` |" % (r["key"], r["file"], x["cited"], x["rule"],
                                                          md_escape(x["text"])))
    L.append("")
    L.append("Dangling paper targets (kind `paper`, no paper of the set): `arxiv:1409.0473` (Attention Is")
    L.append("All You Need), `arxiv:2005.14165` (Toolformer), `doi:10.1109/cvpr.2009.5206848` (ResNet, ViT).")
    L.append("")
    L.append("## Shared targets (several papers)")
    L.append("")
    shared = {}
    for r in records:
        for m in r["mentions"]:
            shared.setdefault((m["kind"], m["target"]), set()).add(r["key"])
    L.append("| kind | target | papers |")
    L.append("|---|---|---|")
    for (kind, target), keys in sorted(shared.items()):
        if len(keys) > 1:
            L.append("| %s | `%s` | %s |" % (kind, target, ", ".join("`%s`" % k for k in sorted(keys))))
    L.append("")
    owners = {}
    for (kind, target), keys in shared.items():
        if kind == "repo":
            owners.setdefault(target.split("/")[1], set()).add(target)
    L.append("Repo owners with more than one repository: " + "; ".join(
        "`github.com/%s` (%s)" % (o, ", ".join(sorted(t.split("/")[2] for t in ts)))
        for o, ts in sorted(owners.items()) if len(ts) > 1) + ".")
    L.append("")
    L.append("## Text that must not become a link")
    L.append("")
    L.append("- `budget-tuning@example.org` (e-mail) and `v1.2` in *Budget-Aware Preference Tuning…*;")
    L.append("  `facebookresearch/llama` (no host) in *Llama 2*; `e.g.`, `3.9B`, `8.5K`, `2,294`, `GPT-3`,")
    L.append("  `text-davinci-003`, `ImageNet-21k`, `ADE20K` anywhere.")
    L.append("- Names that are not short names of a paper of the set: `Transformer-XL`, `DeBERTa`, `GPT-3`,")
    L.append("  `StyleGAN`, `Stable Diffusion`, `GPT-style`, `Guanaco`, `Vicuna`, `ChatGPT`.")
    L.append("")
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(L))


if __name__ == "__main__":
    main()
