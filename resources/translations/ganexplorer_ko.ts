<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>Demo1DRun</name>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="29" />
        <source>raw samples</source>
        <translation>원본 샘플</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="29" />
        <source>mean, std</source>
        <translation>평균, 표준편차</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="30" />
        <source>mean, std, skew, kurtosis</source>
        <translation>평균, 표준편차, 왜도, 첨도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="30" />
        <source>samples + squared deviations</source>
        <translation>샘플 + 편차 제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="45" />
        <source>D sees</source>
        <translation>D의 입력</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="48" />
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="49" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="50" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="51" />
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="57" />
        <source>Real (green) vs generated (purple)</source>
        <translation>실제 (초록) 대 생성 (보라)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d_panel.py" line="61" />
        <source>D real / D fake / G errors</source>
        <translation>D 실제 / D 가짜 / G 오차</translation>
    </message>
</context>
<context>
    <name>DownloadButton</name>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="25" />
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="27" />
        <source>Download MNIST, Fashion-MNIST or a Quick Draw category (needs internet; kept in a local cache)</source>
        <translation>MNIST, Fashion-MNIST 또는 Quick Draw 카테고리를 내려받습니다 (인터넷 필요, 로컬 캐시에 보관)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="34" />
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="35" />
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="36" />
        <source>Quick Draw category…</source>
        <translation>Quick Draw 카테고리…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="40" />
        <source>Quick Draw</source>
        <translation>Quick Draw</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="41" />
        <source>Category (for example cat, house, bicycle):</source>
        <translation>카테고리 (예: cat, house, bicycle):</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="50" />
        <source>Downloading {0}…</source>
        <translation>{0} 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="50" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="81" />
        <source>Downloaded {0:.1f} MB</source>
        <translation>{0:.1f} MB 내려받음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="90" />
        <source>Downloaded; training data set to {0}</source>
        <translation>내려받기 완료; 학습 데이터를 {0}(으)로 설정했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/dataset_download.py" line="94" />
        <source>Download cancelled</source>
        <translation>내려받기가 취소되었습니다</translation>
    </message>
</context>
<context>
    <name>ExplorerPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="60" />
        <source>No model loaded. Open a checkpoint with File → Open or drop it here.</source>
        <translation>불러온 모델이 없습니다. 파일 → 열기로 체크포인트를 열거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="86" />
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="87" />
        <source>Stochastic variation</source>
        <translation>확률적 변화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="88" />
        <source>Mixing grid</source>
        <translation>믹싱 격자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="90" />
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="109" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="113" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="116" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="118" />
        <source>Force fp32</source>
        <translation>fp32 강제</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="122" />
        <source>Run the layers a checkpoint marks as fp16 in float32 (GPU only; the CPU always uses float32)</source>
        <translation>체크포인트가 fp16으로 표시한 층을 float32로 실행합니다 (GPU 전용, CPU는 항상 float32 사용)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="124" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="128" />
        <source>Truncation</source>
        <translation>절단(Truncation)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="133" />
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="136" />
        <source>Cutoff (layers)</source>
        <translation>적용 층 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="140" />
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="143" />
        <source>const (stored)</source>
        <translation>고정 (저장된 값)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="143" />
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="144" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="151" />
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="152" />
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="153" />
        <source>Noise seed</source>
        <translation>노이즈 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="157" />
        <source>Style mixing</source>
        <translation>스타일 믹싱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="159" />
        <source>Take layers from a second seed</source>
        <translation>두 번째 시드에서 층 가져오기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="166" />
        <source>Mix seed</source>
        <translation>믹스 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="167" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="200" />
        <source>Layers [a, b)</source>
        <translation>층 [a, b)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="172" />
        <source>z sliders</source>
        <translation>z 슬라이더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="181" />
        <source>Reset z</source>
        <translation>z 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="187" />
        <source>w directions (principal components, in σ)</source>
        <translation>w 방향 (주성분, σ 단위)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="190" />
        <source>Computed in the background after a model loads.</source>
        <translation>모델을 불러오면 백그라운드에서 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="202" />
        <source>Reset w</source>
        <translation>w 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="219" />
        <source>Seed grid (drag to blend w)</source>
        <translation>시드 격자 (끌어서 w 섞기)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="227" />
        <source>Vector arithmetic in w</source>
        <translation>w 벡터 연산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="232" />
        <source>Show A − B + C</source>
        <translation>A − B + C 보기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="238" />
        <source>Latent walk</source>
        <translation>잠재 공간 산책</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="256" />
        <source>Normalise each channel</source>
        <translation>채널마다 정규화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="262" />
        <source>e.g. 0-7,12</source>
        <translation>예: 0-7,12</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="265" />
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="266" />
        <source>First channel</source>
        <translation>첫 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="268" />
        <source>Switch off channels</source>
        <translation>끌 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="298" />
        <source>Exporting {0} frames…</source>
        <translation>프레임 {0}개 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="309" />
        <source>Channels to switch off must look like 0-7,12</source>
        <translation>끌 채널은 0-7,12 같은 형식이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="333" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="347" />
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="335" />
        <source>Noise draws</source>
        <translation>노이즈 샘플 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="349" />
        <source>Row seeds</source>
        <translation>행 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="351" />
        <source>Column seeds</source>
        <translation>열 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="390" />
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="406" />
        <source>Computing principal directions of w…</source>
        <translation>w의 주성분 방향을 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="412" />
        <source>(unsaved)</source>
        <translation>(저장되지 않음)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="415" />
        <source>{0} parameters</source>
        <translation>매개변수 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="447" />
        <source>ops: CPU fast path (PyTorch)</source>
        <translation>연산: CPU 고속 경로 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="448" />
        <source>ops: reference (PyTorch)</source>
        <translation>연산: 참조 구현 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="419" />
        <source>{0} classes</source>
        <translation>클래스 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="416" />
        <source>device: {0}</source>
        <translation>장치: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="425" />
        <source>trained {0} steps on {1}</source>
        <translation>{1}에서 {0} 스텝 학습됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="428" />
        <source>digit classifier on {0} samples: {1:.0%} confident, {2}/10 classes, largest {3:.0%}, Fréchet distance {4:.2f} (real data: {5:.2f})</source>
        <translation>숫자 분류기, 샘플 {0}개: 확신 {1:.0%}, 클래스 {2}/10, 최대 클래스 {3:.0%}, 프레셰 거리 {4:.2f} (실제 데이터: {5:.2f})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="444" />
        <source>ops: fused GPU (Triton)</source>
        <translation>연산: 융합 GPU (Triton)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="445" />
        <source>ops: reference (PyTorch) — {0}</source>
        <translation>연산: 기준 구현 (PyTorch) — {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="457" />
        <source>empty range</source>
        <translation>빈 범위</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="461" />
        <source>coarse</source>
        <translation>거친 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="461" />
        <source>middle</source>
        <translation>중간 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="461" />
        <source>fine</source>
        <translation>세밀한 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="554" />
        <source>render {0:.1f} ms · {1:.1f} fps (model) · {2} frames in the last second</source>
        <translation>렌더링 {0:.1f} ms · {1:.1f} fps (모델) · 최근 1초 동안 {2} 프레임</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="565" />
        <source>{0} directions from 3,000 samples; σ of PC0 = {1:.2f}</source>
        <translation>샘플 3,000개에서 얻은 방향 {0}개; PC0의 σ = {1:.2f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="575" />
        <source>{0} channels in this layer</source>
        <translation>이 층의 채널 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="577" />
        <source>Saved {0}</source>
        <translation>{0} 저장함</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="41" />
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="47" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="52" />
        <source>1-D demo</source>
        <translation>1차원 데모</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="55" />
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="71" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="72" />
        <source>&amp;Open checkpoint…</source>
        <translation>체크포인트 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="73" />
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="76" />
        <source>&amp;Save image…</source>
        <translation>이미지 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="77" />
        <source>&amp;Copy image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="78" />
        <source>Save s&amp;tate…</source>
        <translation>상태 저장(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="79" />
        <source>Open st&amp;ate…</source>
        <translation>상태 열기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="81" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="82" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="83" />
        <source>Zoom to &amp;fit</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="84" />
        <source>Zoom &amp;1:1</source>
        <translation>1:1 크기(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="85" />
        <source>Zoom &amp;2×</source>
        <translation>2배 확대(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="87" />
        <source>&amp;Previous seed</source>
        <translation>이전 시드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="88" />
        <source>&amp;Next seed</source>
        <translation>다음 시드(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="89" />
        <source>&amp;Random seed</source>
        <translation>무작위 시드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="90" />
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="91" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="92" />
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="97" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="98" />
        <source>&amp;About ganexplorer</source>
        <translation>ganexplorer 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="102" />
        <source>The language changes the next time ganexplorer starts.</source>
        <translation>언어는 ganexplorer를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="111" />
        <source>About ganexplorer</source>
        <translation>ganexplorer 정보</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="112" />
        <source>ganexplorer {0}: see and teach Generative Adversarial Networks.</source>
        <translation>ganexplorer {0}: 생성적 적대 신경망(GAN)을 보고 가르치는 도구.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="117" />
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="118" />
        <source>Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)</source>
        <translation>체크포인트 (*.pkl *.pt *.pth *.ckpt *.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="127" />
        <location filename="../../ganexplorer/gui/main_window.py" line="129" />
        <source>Loading {0}…</source>
        <translation>{0} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="129" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="138" />
        <source>Loading cancelled; the previous model stays loaded.</source>
        <translation>불러오기를 취소했습니다. 이전 모델을 계속 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="152" />
        <source>Building the fused GPU ops (first use, up to a minute); the reference ops are used if that fails…</source>
        <translation>융합 GPU 연산을 빌드하는 중입니다 (처음 한 번, 최대 1분). 실패하면 기준 연산을 사용합니다…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="165" />
        <source>Loaded {0}</source>
        <translation>{0} 불러옴</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="174" />
        <source>Could not open the checkpoint</source>
        <translation>체크포인트를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="210" />
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="210" />
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="217" />
        <location filename="../../ganexplorer/gui/main_window.py" line="234" />
        <source>Saved {0}</source>
        <translation>{0} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="217" />
        <source>Could not save {0}</source>
        <translation>{0}을(를) 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="224" />
        <source>Image copied to the clipboard</source>
        <translation>이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="237" />
        <source>Save state</source>
        <translation>상태 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="237" />
        <location filename="../../ganexplorer/gui/main_window.py" line="242" />
        <source>Explorer state (*.json)</source>
        <translation>탐색 상태 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="242" />
        <source>Open state</source>
        <translation>상태 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="254" />
        <source>'{0}' is not a ganexplorer state file.</source>
        <translation>'{0}'은(는) ganexplorer 상태 파일이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>SeedPad</name>
    <message>
        <location filename="../../ganexplorer/gui/seed_pad.py" line="37" />
        <source>Drag to blend the w of the four nearest seeds</source>
        <translation>끌어서 가장 가까운 시드 네 개의 w를 섞습니다</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="69" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="93" />
        <source>non-saturating BCE</source>
        <translation>비포화 BCE</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="93" />
        <source>minimax (original)</source>
        <translation>미니맥스 (원래 형태)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="94" />
        <source>least squares</source>
        <translation>최소제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="120" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="120" />
        <source>translation</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="121" />
        <source>translation + cutout</source>
        <translation>이동 + 잘라내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="123" />
        <source>Differentiable augmentation: D sees shifted (and partly blanked) real and generated images, which keeps it from memorising a small dataset</source>
        <translation>미분 가능한 증강: D가 이동된(일부 가려진) 실제·생성 이미지를 보게 하여 작은 데이터셋을 외우지 못하게 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="124" />
        <source>R1 γ (lazy, every 16 D steps)</source>
        <translation>R1 γ (지연, D 16스텝마다)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="125" />
        <source>Augmentation for D</source>
        <translation>D용 증강</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="126" />
        <source>Path-length weight</source>
        <translation>경로 길이 가중치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="127" />
        <source>Style-mixing probability</source>
        <translation>스타일 믹싱 확률</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="128" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="129" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="130" />
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="131" />
        <source>Learning rate (Adam)</source>
        <translation>학습률 (Adam)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="133" />
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="134" />
        <source>D steps per G step</source>
        <translation>G 한 단계당 D 단계 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="135" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="136" />
        <source>Samples every N steps</source>
        <translation>N 단계마다 샘플</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="137" />
        <source>Checkpoint every N steps</source>
        <translation>N 단계마다 체크포인트</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="138" />
        <source>Run folder</source>
        <translation>실행 폴더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="142" />
        <source>Setup</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="145" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="146" />
        <location filename="../../ganexplorer/gui/train_panel.py" line="416" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="147" />
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="148" />
        <source>One D step</source>
        <translation>D 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="149" />
        <source>One G step</source>
        <translation>G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="150" />
        <source>Open in explorer</source>
        <translation>탐색 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="161" />
        <source>Not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="171" />
        <source>Losses</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="175" />
        <source>D(x) and D(G(z))</source>
        <translation>D(x)와 D(G(z))</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="185" />
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="186" />
        <source>Digits the classifier sees in 200 samples</source>
        <translation>분류기가 본 샘플 200개의 숫자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="187" />
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="191" />
        <source>Class coverage appears for digit data.</source>
        <translation>숫자 데이터에서는 클래스 분포가 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="201" />
        <source>Style mixing (moving-average G): rows take the coarse styles of the top row</source>
        <translation>스타일 믹싱 (이동 평균 G): 각 행이 맨 위 행의 거친 스타일을 받습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="204" />
        <source>Generated (fixed noise)</source>
        <translation>생성 결과 (고정 노이즈)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="205" />
        <source>Real</source>
        <translation>실제 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="244" />
        <source>Training data</source>
        <translation>학습 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="245" />
        <source>Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)</source>
        <translation>데이터셋 (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="264" />
        <source>StyleGAN2 always uses the non-saturating logistic loss</source>
        <translation>StyleGAN2는 항상 비포화 로지스틱 손실을 사용합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="299" />
        <source>Training {0} on {1}</source>
        <translation>{1}로 {0} 학습 중</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="343" />
        <source>snapshot at step {0}</source>
        <translation>{0}단계 스냅숏</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="366" />
        <source>step {0}: {1} of 10 classes covered, largest class {2:.0%}, {3:.0%} classified confidently</source>
        <translation>{0}단계: 10개 클래스 중 {1}개 포함, 가장 큰 클래스 {2:.0%}, 확신 있게 분류된 비율 {3:.0%}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="372" />
        <source>Checkpoint written: {0}</source>
        <translation>체크포인트 저장: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="382" />
        <source>Stopped at step {0}; saved {1}</source>
        <translation>{0}단계에서 정지; {1} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="393" />
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="408" />
        <source>step {0} · epoch {1} · {2:.2f} steps/s</source>
        <translation>{0}단계 · 에포크 {1} · 초당 {2:.2f}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="416" />
        <source>Resume</source>
        <translation>재개</translation>
    </message>
</context>
<context>
    <name>WalkControls</name>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="24" />
        <source>w (linear)</source>
        <translation>w (선형)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="25" />
        <source>z (spherical)</source>
        <translation>z (구면)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="32" />
        <source>Loop</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="37" />
        <location filename="../../ganexplorer/gui/walk_panel.py" line="69" />
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="40" />
        <source>Export GIF/MP4…</source>
        <translation>GIF/MP4 내보내기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="44" />
        <source>Keyframe seeds</source>
        <translation>키프레임 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="45" />
        <source>Space</source>
        <translation>공간</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="46" />
        <source>Frames per loop</source>
        <translation>한 바퀴 프레임 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="47" />
        <source>Speed (frames/s)</source>
        <translation>속도 (프레임/초)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="61" />
        <source>A walk needs at least two keyframe seeds.</source>
        <translation>산책에는 키프레임 시드가 두 개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="69" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="95" />
        <source>Export latent walk</source>
        <translation>잠재 공간 산책 내보내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/walk_panel.py" line="96" />
        <source>Animations (*.gif *.mp4)</source>
        <translation>애니메이션 (*.gif *.mp4)</translation>
    </message>
</context>
</TS>