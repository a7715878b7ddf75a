"""Korean for the command line: its help texts and sentences by their English (see :mod:`.i18n`).

A test runs every command's ``--help`` under ``LANG=ko_KR.UTF-8`` and fails on English left over,
so a new option without Korean here is caught. Keys are the exact English text.
"""

from __future__ import annotations

# argparse's own words (its gettext hook)
ARGPARSE: dict[str, str] = {
    "usage: ": "사용법: ",
    "positional arguments": "위치 인자",
    "options": "옵션",
    "show this help message and exit": "이 도움말을 보이고 끝냅니다",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 오류: %(message)s\n",
    "the following arguments are required: %s": "다음 인자가 필요합니다: %s",
    "unrecognized arguments: %s": "알 수 없는 인자: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "잘못된 선택: %(value)r (%(choices)s 중에서 고르세요)",
    "invalid %(type)s value: %(value)r": "잘못된 %(type)s 값: %(value)r",
    "argument %(argument_name)s: %(message)s": "인자 %(argument_name)s: %(message)s",
    "expected one argument": "인자 하나가 필요합니다",
    "expected at least one argument": "인자가 하나 이상 필요합니다",
    "expected at most one argument": "인자는 하나까지입니다",
    "ambiguous option: %(option)s could match %(matches)s": "모호한 옵션: %(option)s은(는) %(matches)s 중 어느 것일 수도 있습니다",
    "not allowed with argument %s": "인자 %s와(과) 함께 쓸 수 없습니다",
    "one of the arguments %s is required": "인자 %s 중 하나가 필요합니다",
    "ignored explicit argument %r": "명시한 인자 %r을(를) 무시했습니다",
    "can't open '%(filename)s': %(error)s": "'%(filename)s'을(를) 열 수 없습니다: %(error)s",
    "show program's version number and exit": "프로그램 버전을 보이고 끝냅니다",
}

# the CLI's help texts, descriptions and sentences
KOREAN: dict[str, str] = {
    "See and teach GANs.": "GAN을 보고 가르칩니다.",
    "(default 1)": "(기본값 1)",
    "...or every M minutes after the last save, whichever comes first (0 = steps only) (default 2.0)":
        "...또는 마지막 저장 후 M분마다, 둘 중 먼저 오는 때 (0 = 스텝 기준만) (기본값 2.0)",
    "Adam beta1 (momentum) (default 0.5; stylegan2: 0.0)": "Adam beta1(모멘텀) (기본값 0.5, stylegan2: 0.0)",
    "Adam learning rate (default 0.0002; stylegan2: 0.0025)": "Adam 학습률 (기본값 0.0002, stylegan2: 0.0025)",
    "D updates per G update (default 1)": "G 한 번 갱신할 때 D 갱신 횟수 (기본값 1)",
    "UI language (default: system)": "화면 언어 (기본값: 시스템)",
    "also save the figures in the checkpoint's metadata": "수치를 체크포인트의 메타데이터에도 저장합니다",
    "also write float32 .npy raw outputs": "float32 .npy 원시 출력도 씁니다",
    "another mirror": "다른 미러",
    "architecture name or checkpoint file": "구조 이름 또는 체크포인트 파일",
    "builtin:digits | mnist:PATH | quickdraw:PATH | cifar10:DIR | folder:DIR":
        "builtin:digits | mnist:경로 | quickdraw:경로 | cifar10:폴더 | folder:폴더",
    "check this installation: render each bundled model, run ten training steps, exit":
        "이 설치를 점검합니다: 내장 모델마다 그림을 그리고, 학습을 10스텝 돌린 뒤 끝냅니다",
    "checkpoint file": "체크포인트 파일",
    "class label for conditional models": "조건부 모델의 클래스 레이블",
    "column seeds, e.g. 55,821": "열 시드, 예: 55,821",
    "continue from OUT/last.safetensors": "OUT/last.safetensors에서 이어서 학습합니다",
    "continue from OUT/last.safetensors if it exists, else start a new run there":
        "OUT/last.safetensors가 있으면 이어서 학습하고, 없으면 그곳에서 새로 시작합니다",
    "convert any supported checkpoint to ganexplorer's safetensors format":
        "지원하는 체크포인트를 ganexplorer의 safetensors 형식으로 변환합니다",
    "dcgan32-quick (digits in about a minute), mlp-gan, mlp-gan-bn, dcgan32, dcgan32-cond, dcgan64, ...":
        "dcgan32-quick (약 1분이면 숫자가 나옵니다), mlp-gan, mlp-gan-bn, dcgan32, dcgan32-cond, dcgan64, ...",
    "describe a checkpoint: format, family, resolution, dimensions, parameters":
        "체크포인트를 설명합니다: 형식, 계열, 해상도, 차원, 매개변수",
    "draw the fixed-noise sample grid every N steps (0 = off) (default 100)":
        "N스텝마다 고정 노이즈 샘플 격자를 그립니다 (0 = 끔) (기본값 100)",
    "e.g. 0-3,7": "예: 0-3,7",
    "fetch MNIST, Fashion-MNIST or a Quick Draw category into the cache (needs internet); prints the --data spec "
    "to train on it": "MNIST, Fashion-MNIST 또는 Quick Draw 분류 하나를 캐시에 내려받습니다 (인터넷 필요). "
                      "그것으로 학습할 --data 값을 출력합니다",
    "keyframe seeds, e.g. 0,1,2": "키프레임 시드, 예: 0,1,2",
    "latent size of a DCGAN file when it cannot be inferred": "추정할 수 없을 때 쓸 DCGAN 파일의 잠재 벡터 크기",
    "latent walk through keyframe seeds, looping back to the first": "키프레임 시드를 지나 처음으로 돌아오는 잠재 공간 산책",
    "layer indices taken from the column seed (default 0-6)": "열 시드에서 가져올 층 번호 (기본값 0-6)",
    "layer table (type, output shape, parameters) of G and D": "G와 D의 층 표 (종류, 출력 모양, 매개변수)",
    "machine-readable output": "기계가 읽을 수 있는 출력",
    "mlp, dcgan, dcgan32 only: non-saturating BCE, the original minimax form, or least squares (default bce)":
        "mlp, dcgan, dcgan32 전용: 포화하지 않는 BCE, 원래의 미니맥스 형태, 또는 최소제곱 (기본값 bce)",
    "mnist | fashion-mnist | quickdraw:CATEGORY": "mnist | fashion-mnist | quickdraw:분류",
    "no progress bar or summary line": "진행 막대와 요약 줄을 보이지 않습니다",
    "number format of the forward passes: fp32, or bf16 / fp16 mixed precision (faster on recent GPUs; fp16 scales "
    "its losses); weights stay fp32 (default fp32)":
        "순전파의 수 형식: fp32, 또는 bf16 / fp16 혼합 정밀도 (최근 GPU에서 더 빠름, fp16은 손실 크기를 조정함). "
        "가중치는 fp32로 유지됩니다 (기본값 fp32)",
    "open the explorer window (the default when no command is given)": "탐색기 창을 엽니다 (명령이 없을 때의 기본 동작)",
    "print a log line every N steps (0 = off) (default 100)": "N스텝마다 기록 한 줄을 출력합니다 (0 = 끔) (기본값 100)",
    "random seed for the initial weights, the data order and the sample grid's noise (default 0)":
        "초기 가중치, 데이터 순서, 샘플 격자 노이즈의 난수 시드 (기본값 0)",
    "real and generated images per step (default 64; stylegan2: 32)": "스텝마다 쓰는 실제·생성 이미지 수 (기본값 64, stylegan2: 32)",
    "real digits to compare with": "비교할 실제 숫자",
    "render images for a list of seeds": "시드 목록의 이미지를 그립니다",
    "render, save a picture of the window and exit": "그린 뒤 창의 그림을 저장하고 끝냅니다",
    "row seeds, e.g. 85,100": "행 시드, 예: 85,100",
    "run folder: last.safetensors, samples/": "실행 폴더: last.safetensors, samples/",
    "save last.safetensors every N steps (0 = off)... (default 500)":
        "N스텝마다 last.safetensors를 저장합니다 (0 = 끔)... (기본값 500)",
    "score a colour generator (as grey) anyway": "컬러 생성자도 (회색으로 바꿔) 채점합니다",
    "score a digit generator with the digit classifier: confident share, class coverage, Fréchet distance in the "
    "classifier's feature space": "숫자 분류기로 숫자 생성자를 채점합니다: 확신 비율, 클래스 포괄도, 분류기 특징 공간의 프레셰 거리",
    "slerp in z or lerp in w": "z에서 구면 보간 또는 w에서 선형 보간",
    "stop at this many G steps in total": "G 스텝이 모두 이만큼이면 멈춥니다",
    "style-mixing grid: row seeds take the listed styles from column seeds":
        "스타일 혼합 격자: 행 시드가 열 시드에서 지정한 스타일을 가져옵니다",
    "stylegan2 only: R1 weight: gamma/2 * E|grad_x D(x)|^2 on real images (default 10.0)":
        "stylegan2 전용: R1 가중치: 실제 이미지에서 gamma/2 * E|grad_x D(x)|^2 (기본값 10.0)",
    "stylegan2 only: differentiable augmentation for D on small data: translation, cutout, translation,cutout or "
    "none (default translation)": "stylegan2 전용: 작은 데이터에서 D에 쓰는 미분 가능한 증강: translation, cutout, "
                                  "translation,cutout 또는 none (기본값 translation)",
    "stylegan2 only: path-length regularisation weight (0 = off) (default 0.0)":
        "stylegan2 전용: 경로 길이 정칙화 가중치 (0 = 끔) (기본값 0.0)",
    "stylegan2 only: style-mixing probability (default 0.9)": "stylegan2 전용: 스타일 혼합 확률 (기본값 0.9)",
    "the 1-D 'GAN in 50 lines' experiment: learn N(mu, sigma)": "1차원 'GAN 50줄' 실험: N(mu, sigma)를 배웁니다",
    "train a GAN; checkpoints and sample grids go to --out": "GAN을 학습합니다. 체크포인트와 샘플 격자는 --out에 저장됩니다",
    "truncate only the first N ws": "처음 N개의 w만 절단합니다",
    "truncation psi (default 1)": "절단 psi (기본값 1)",
    "walk.gif or walk.mp4": "walk.gif 또는 walk.mp4",
    "what D sees of a minibatch": "D가 미니배치에서 보는 것",
    "where to render (default auto: CUDA, then MPS, then CPU; or GANEXPLORER_DEVICE)":
        "그림을 그릴 장치 (기본값 auto: CUDA, 다음 MPS, 다음 CPU. 또는 GANEXPLORER_DEVICE)",
    "where to train: auto (CUDA, then MPS, then the CPU), cpu, cuda, cuda:N or mps; under torchrun each process "
    "takes the GPU of its LOCAL_RANK (default auto)":
        "학습할 장치: auto (CUDA, 다음 MPS, 다음 CPU), cpu, cuda, cuda:N 또는 mps. torchrun에서는 각 프로세스가 "
        "자기 LOCAL_RANK의 GPU를 씁니다 (기본값 auto)",
    "which implementation each op uses (fused GPU or reference), and why": "각 연산이 쓰는 구현(융합 GPU 또는 기준 구현)과 그 이유",
    # directions (issue 24)
    "find directions in w (PCA, SeFa or from labels) and write them to an .npz":
        "w의 방향(PCA, SeFa 또는 레이블)을 찾아 .npz로 씁니다",
    "pca: principal components of w; sefa: closed form from the weights; labels: from a CSV":
        "pca: w의 주성분, sefa: 가중치에서 닫힌 형태로, labels: CSV에서",
    "how many directions (pca, sefa; default 8)": "방향 개수 (pca, sefa, 기본값 8)",
    "w indices the directions act on, both included (default all); sefa reads only their layers":
        "방향이 작용하는 w 번호, 양 끝 포함 (기본값 전부). sefa는 그 층들만 읽습니다",
    "seed,label lines, label 0 or 1; the direction points from 0 towards 1":
        "SEED,LABEL 줄, 레이블은 0 또는 1. 방향은 0에서 1 쪽을 가리킵니다",
    "labels: keep these directions fixed (projected out of the new one)":
        "labels: 이 방향들은 고정합니다 (새 방향에서 투영해 뺍니다)",
    "the directions file to write": "쓸 방향 파일",
    "move w along direction K of a directions file (from `ganexplorer directions`)":
        "방향 파일(`ganexplorer directions`로 만든)의 K번 방향을 따라 w를 옮깁니다",
    "how far along --direction, in its sigmas": "--direction을 따라 얼마나 멀리, 그 시그마 단위로",
    "--layers must be one range A-B of w indices in 0..{high}": "--layers는 0..{high} 안의 w 번호 범위 A-B 하나여야 합니다",
    "--num must be in 1..{high}": "--num은 1..{high} 안이어야 합니다",
    "--labels FILE.csv goes with --method labels, and only with it":
        "--labels FILE.csv는 --method labels와만 함께 씁니다",
    "--out must end in .npz": "--out은 .npz로 끝나야 합니다",
    "directions in w need a style-based generator (StyleGAN2)": "w의 방향에는 스타일 기반 생성자(StyleGAN2)가 필요합니다",
    "wrote {k} {method} direction(s) for w layers {a}-{b} to {out}":
        "w 층 {a}-{b}에 대한 {method} 방향 {k}개를 {out}에 썼습니다",
    "held-out accuracy of the labels: {acc:.0%}": "맞추는 데 쓰지 않은 레이블의 정확도: {acc:.0%}",
    "--sigma goes with --direction DIRS.npz:K": "--sigma는 --direction DIRS.npz:K와 함께 씁니다",
    "--direction must be DIRS.npz:K, a directions file and a direction number":
        "--direction은 DIRS.npz:K, 즉 방향 파일과 방향 번호여야 합니다",
    "--sigma must be a finite number in -100..100": "--sigma는 -100..100 안의 유한한 수여야 합니다",
    "'{path}' holds directions 0..{high}, not {k}": "'{path}'에는 방향 0..{high}이(가) 있고 {k}번은 없습니다",
    # project (issue 23)
    "find the latent that draws a picture (a photo, a drawing)": "그림(사진, 손그림)을 그려 내는 잠재 벡터를 찾습니다",
    "the picture to project (PNG, JPEG, ...)": "투영할 그림 (PNG, JPEG, ...)",
    "optimisation steps (default 200)": "최적화 스텝 수 (기본값 200)",
    "seed of the noise added early on (default 303)": "초반에 더하는 잡음의 시드 (기본값 303)",
    "w: one vector, stays editable (default); w+: one per layer; z: DCGAN / MLP models":
        "w: 벡터 하나, 계속 편집할 수 있음 (기본값), w+: 층마다 하나, z: DCGAN / MLP 모델",
    "also fit the noise maps (saved in the .npz)": "잡음 맵도 맞춥니다 (.npz에 저장)",
    "also write proj.mp4 (target beside each step)": "proj.mp4도 씁니다 (스텝마다 목표 옆에)",
    "class of a conditional model (default: each class is tried for a tenth of the steps, the best one finished)":
        "조건부 모델의 클래스 (기본값: 클래스마다 스텝의 10분의 1만큼 시도해 보고 가장 가까운 클래스를 끝까지 진행)",
    "where to run (default auto: CUDA, then MPS, then CPU)": "실행할 장치 (기본값 auto: CUDA, 다음 MPS, 다음 CPU)",
    "render a projected_w.npz ([1, num_ws, w_dim], any tool's) or projected_z.npz instead of seeds":
        "시드 대신 projected_w.npz([1, num_ws, w_dim], 어느 도구의 것이든) 또는 projected_z.npz를 그립니다",
    "give --seeds or --projected-w": "--seeds 또는 --projected-w를 주세요",
    "give --seeds or --projected-w, not both": "--seeds와 --projected-w 중 하나만 주세요",
    # the 2-D lab, the walk/mix sizes, the window's presentation start
    "G updates (default: the preset's)": "G 갱신 횟수 (기본값: 프리셋의 값)",
    "frames are enlarged (whole factors) to at least this many pixels (default 512)":
        "프레임을 정수 배로 키워 적어도 이만큼의 픽셀로 만듭니다 (기본값 512)",
    "grid.png is enlarged (whole factors) to at least this many pixels, labelled (default 512)":
        "grid.png를 정수 배로 키워 적어도 이만큼의 픽셀로 만들고 레이블을 붙입니다 (기본값 512)",
    "print one JSON object (coverage history) at the end": "끝에 JSON 객체 하나(포괄도 기록)를 출력합니다",
    "ring8, grid25, moons, spiral, line, or a points file (.npy or x,y text)":
        "ring8, grid25, moons, spiral, line, 또는 점 파일 (.npy 또는 x,y 텍스트)",
    "start in presentation mode (large text for projectors, as F5); not remembered":
        "발표 모드로 시작합니다 (프로젝터용 큰 글씨, F5와 같음). 기억하지 않습니다",
    "starting weights and random numbers (default 0)": "시작 가중치와 난수 (기본값 0)",
    "steps between progress lines (default: 20 lines)": "진행 줄 사이의 스텝 수 (기본값: 20줄)",
    "the 2-D GAN lab headless: train on a target, print mode coverage":
        "창 없이 돌리는 2차원 GAN 실험실: 목표 분포로 학습하고 모드 포괄도를 출력합니다",
    "the settings to train with": "학습에 쓸 설정",
    "write 2,500 generated points [2500, 2] after the last step (.npy, or .csv/.txt)":
        "마지막 스텝 뒤에 생성한 점 2,500개 [2500, 2]를 씁니다 (.npy, 또는 .csv/.txt)",
    # sentences
    "ganexplorer: error: {message}": "ganexplorer: 오류: {message}",
    "ganexplorer: interrupted": "ganexplorer: 중단되었습니다",
    # train's own sentences (C, issue 26); core's (settings, data, resume) are translated by their code
    "give at most one of --epochs, --minutes, --steps": "--epochs, --minutes, --steps 중 하나만 주세요",
    "{flag} must be a number more than 0, not {value}": "{flag} 값은 0보다 큰 수여야 합니다({value}은(는) 쓸 수 없습니다)",
    ("--resume: {out} holds no checkpoint yet (the run stopped before its first save); "
     "train it again, or give --resume-or-start"):
        "--resume: {out}에는 아직 체크포인트가 없습니다(첫 저장 전에 실행이 멈췄습니다). "
        "다시 학습하거나 --resume-or-start를 주세요",
    "signal {number}": "신호 {number}",
    "stopped by {name} at step {step}; saved {path} (go on with --resume)":
        "{name}(으)로 {step} 스텝에서 멈췄습니다. {path}에 저장했습니다(--resume으로 이어서 학습할 수 있습니다)",
    "stopped by {name}; {path} holds the run (go on with --resume)":
        "{name}(으)로 멈췄습니다. {path}에 실행이 저장되어 있습니다(--resume으로 이어서 학습할 수 있습니다)",
    "stopped by {name} before the first step; nothing to save": "{name}(으)로 첫 스텝 전에 멈췄습니다. 저장할 것이 없습니다",
    "step": "스텝",
    "checkpoint: {path} (step {step})": "체크포인트: {path} ({step} 스텝)",
    # the commands' own lines: results, progress, refusals (C2, issue 26)
    "device": "장치",
    "CPU synthesis": "CPU 합성",
    "fast path (channels-last, Winograd)": "고속 경로 (채널 우선 메모리 배치, Winograd)",
    "reference": "기준 구현",
    "fused (Triton)": "융합 (Triton)",
    "name a checkpoint, or use --ops": "체크포인트를 지정하거나 --ops를 쓰세요",
    "File": "파일",
    "Format": "형식",
    "Network used": "사용한 네트워크",
    "Family": "계열",
    "Resolution": "해상도",
    "Channels": "채널",
    "z dim": "z 차원",
    "w dim": "w 차원",
    "Labels": "레이블 수",
    "G parameters": "G 매개변수",
    "D parameters": "D 매개변수",
    "Layout": "작성 코드",
    "Defaults": "기본값",
    "Note": "참고",
    "'{target}' is neither an architecture ({names}) nor an existing file":
        "'{target}'은(는) 구조 이름({names})도 아니고 있는 파일도 아닙니다",
    "Generator: {title}": "생성자: {title}",
    "Discriminator: {title}": "판별자: {title}",
    "Discriminator: not in this file": "판별자: 이 파일에 없습니다",
    "the output file must differ from the input file": "출력 파일은 입력 파일과 달라야 합니다",
    "wrote {out} ({family}, from {format} {network})": "{out}을(를) 썼습니다 ({family}, 원본 {format} {network})",
    "generate": "생성",
    "save": "저장",
    "walk": "산책",
    "img": "장",
    "wrote {count} image(s) to {outdir}": "{outdir}에 이미지 {count}장을 썼습니다",
    "--styles must be layer indices in 0..{most}": "--styles는 0..{most} 안의 층 번호여야 합니다",
    "wrote {grid} and {count} cell image(s)": "{grid}와(과) 칸 이미지 {count}장을 썼습니다",
    "--seeds needs at least two keyframe seeds": "--seeds에는 키프레임 시드가 적어도 두 개 필요합니다",
    "--frames must be at least 2": "--frames는 2 이상이어야 합니다",
    "--fps must be at least 1": "--fps는 1 이상이어야 합니다",
    "--out must end in .gif or .mp4": "--out은 .gif 또는 .mp4로 끝나야 합니다",
    "wrote {out} ({count} frames)": "{out}을(를) 썼습니다 (프레임 {count}개)",
    "--size must be {low}..{high} pixels": "--size는 {low}..{high} 픽셀이어야 합니다",
    "this model is conditional: pass --class with a label in 0..{most}":
        "조건부 모델입니다: --class로 0..{most} 안의 레이블을 주세요",
    "--class was given, but this model is not conditional": "--class를 주었지만 이 모델은 조건부가 아닙니다",
    "--class must be in 0..{most}": "--class는 0..{most} 안이어야 합니다",
    "--trunc must be a finite number, not {value}": "--trunc는 유한한 수여야 합니다({value}은(는) 쓸 수 없습니다)",
    ("{path} makes {channels}-channel images; the digit classifier scores digit generators "
     "(use --force to score anyway)"):
        "{path}은(는) {channels}채널 이미지를 만듭니다. 숫자 분류기는 숫자 생성자를 채점합니다 "
        "(그래도 채점하려면 --force를 쓰세요)",
    "the digit classifier {path} is missing from this installation": "이 설치에는 숫자 분류기 {path}이(가) 없습니다",
    "--store writes into ganexplorer's own checkpoints only; convert the file first":
        "--store는 ganexplorer 자체 체크포인트에만 씁니다. 먼저 파일을 변환하세요",
    "stored in {path}": "{path}에 저장했습니다",
    "the window needs the gui extra (pip install 'ganexplorer[gui]'): {detail}":
        "창을 열려면 gui 추가 기능이 필요합니다 (pip install 'ganexplorer[gui]'): {detail}",
    "'{path}' does not exist": "'{path}'이(가) 존재하지 않습니다",
    "step {step}: {coverage}D loss {d:.4g}, G loss {g:.4g} ({seconds:.1f} s)":
        "{step} 스텝: {coverage}D 손실 {d:.4g}, G 손실 {g:.4g} ({seconds:.1f}초)",
    "Done: {steps} steps in {seconds:.1f} s{coverage}": "완료: {seconds:.1f}초 동안 {steps} 스텝{coverage}",
    "ganexplorer: cannot write {path}: {detail}": "ganexplorer: {path}을(를) 쓸 수 없습니다: {detail}",
    ("ran out of memory{detail}: ask for less at once (fewer seeds or frames, a smaller --batch) or "
     "choose another --device"):
        "메모리가 부족합니다{detail}: 한 번에 더 적게 요청하거나 (시드나 프레임을 줄이거나 --batch를 작게) "
        "다른 --device를 고르세요",
    "ganexplorer: self-test failed: {problem}": "ganexplorer: 자체 점검 실패: {problem}",
    # the caption drawn on mix's grid.png (as the window's export says it)
    "Each picture: its row's seed with layers {layers} taken from its column's seed":
        "각 그림: 행의 시드에서 층 {layers}만 열의 시드에서 가져옴",
    "Each picture: its row's seed with layers {layers} ({band}, {squares}) taken from its column's seed":
        "각 그림: 행의 시드에서 층 {layers}({band}, {squares})만 열의 시드에서 가져옴",
    "seed": "시드",
    "coarse": "거친 층",
    "middle": "중간 층",
    "fine": "세밀한 층",
    "No such file or directory": "그런 파일이나 폴더가 없습니다",
    "File exists": "파일이 이미 있습니다",
    "Permission denied": "권한이 없습니다",
    "Operation not permitted": "허용되지 않는 작업입니다",
    "Read-only file system": "읽기 전용 파일 시스템입니다",
    "No space left on device": "장치에 남은 공간이 없습니다",
    "Not a directory": "폴더가 아닙니다",
    "Is a directory": "폴더입니다",
    "File name too long": "파일 이름이 너무 깁니다",
    "Too many levels of symbolic links": "심볼릭 링크가 너무 여러 번 이어집니다",
    # C3 (issue 26): project and generate --projected-w
    "target: {note}": "목표 그림: {note}",
    "project": "투영",
    "project, trying class {label}": "투영, 클래스 {label} 시도 중",
    "project, class {label}": "투영, 클래스 {label}",
    "distance {distance}": "거리 {distance}",
    ("distance {distance} ({kind}), PSNR {psnr} dB after {steps} steps in {space}{cls}; "
     "wrote {picture} and {npz}"):
        "{space}에서 {steps} 스텝 뒤 거리 {distance} ({kind}), PSNR {psnr} dB{cls}; "
        "{picture}와(과) {npz}을(를) 썼습니다",
    ", class {label}": ", 클래스 {label}",
    " (the best of {count} tried)": " (시도한 {count}개 중 가장 잘 맞음)",
    "class {label} fits best after {steps} steps each (distances {each}); finishing it":
        "클래스마다 {steps} 스텝씩 해 보니 클래스 {label}이(가) 가장 잘 맞습니다 (거리 {each}); 이 클래스로 마칩니다",
    "--num-steps must be in 1..{most}": "--num-steps는 1..{most} 안이어야 합니다",
    "--seed must be in 0..{most}": "--seed는 0..{most} 안이어야 합니다",
    "{path} exists and is not a file": "{path}이(가) 이미 있는데 파일이 아닙니다",
    "{path}: its noise map '{name}' does not fit this model": "{path}: 노이즈 맵 '{name}'이(가) 이 모델에 맞지 않습니다",
    "wrote {out}": "{out}을(를) 썼습니다",
}
