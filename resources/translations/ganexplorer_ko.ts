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
    <name>ExplorerPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="59" />
        <source>No model loaded. Open a checkpoint with File → Open or drop it here.</source>
        <translation>불러온 모델이 없습니다. 파일 → 열기로 체크포인트를 열거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="85" />
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="86" />
        <source>Stochastic variation</source>
        <translation>확률적 변화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="87" />
        <source>Mixing grid</source>
        <translation>믹싱 격자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="89" />
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="108" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="112" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="115" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="120" />
        <source>Truncation</source>
        <translation>절단(Truncation)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="125" />
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="128" />
        <source>Cutoff (layers)</source>
        <translation>적용 층 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="132" />
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="135" />
        <source>const (stored)</source>
        <translation>고정 (저장된 값)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="135" />
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="136" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="143" />
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="144" />
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="145" />
        <source>Noise seed</source>
        <translation>노이즈 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="149" />
        <source>Style mixing</source>
        <translation>스타일 믹싱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="151" />
        <source>Take layers from a second seed</source>
        <translation>두 번째 시드에서 층 가져오기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="158" />
        <source>Mix seed</source>
        <translation>믹스 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="159" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="192" />
        <source>Layers [a, b)</source>
        <translation>층 [a, b)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="164" />
        <source>z sliders</source>
        <translation>z 슬라이더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="173" />
        <source>Reset z</source>
        <translation>z 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="179" />
        <source>w directions (principal components, in σ)</source>
        <translation>w 방향 (주성분, σ 단위)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="182" />
        <source>Computed in the background after a model loads.</source>
        <translation>모델을 불러오면 백그라운드에서 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="194" />
        <source>Reset w</source>
        <translation>w 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="211" />
        <source>Seed grid (drag to blend w)</source>
        <translation>시드 격자 (끌어서 w 섞기)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="219" />
        <source>Vector arithmetic in w</source>
        <translation>w 벡터 연산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="224" />
        <source>Show A − B + C</source>
        <translation>A − B + C 보기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="230" />
        <source>Latent walk</source>
        <translation>잠재 공간 산책</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="248" />
        <source>Normalise each channel</source>
        <translation>채널마다 정규화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="254" />
        <source>e.g. 0-7,12</source>
        <translation>예: 0-7,12</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="257" />
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="258" />
        <source>First channel</source>
        <translation>첫 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="260" />
        <source>Switch off channels</source>
        <translation>끌 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="290" />
        <source>Exporting {0} frames…</source>
        <translation>프레임 {0}개 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="301" />
        <source>Channels to switch off must look like 0-7,12</source>
        <translation>끌 채널은 0-7,12 같은 형식이어야 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="325" />
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="339" />
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="327" />
        <source>Noise draws</source>
        <translation>노이즈 샘플 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="341" />
        <source>Row seeds</source>
        <translation>행 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="343" />
        <source>Column seeds</source>
        <translation>열 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="382" />
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="398" />
        <source>Computing principal directions of w…</source>
        <translation>w의 주성분 방향을 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="404" />
        <source>(unsaved)</source>
        <translation>(저장되지 않음)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="407" />
        <source>{0} parameters</source>
        <translation>매개변수 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="407" />
        <source>device: CPU</source>
        <translation>장치: CPU</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="420" />
        <source>ops: CPU fast path (PyTorch)</source>
        <translation>연산: CPU 고속 경로 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="421" />
        <source>ops: reference (PyTorch)</source>
        <translation>연산: 참조 구현 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="410" />
        <source>{0} classes</source>
        <translation>클래스 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="430" />
        <source>empty range</source>
        <translation>빈 범위</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="434" />
        <source>coarse</source>
        <translation>거친 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="434" />
        <source>middle</source>
        <translation>중간 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="434" />
        <source>fine</source>
        <translation>세밀한 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="526" />
        <source>render {0:.1f} ms · {1:.1f} fps (model) · {2} frames in the last second</source>
        <translation>렌더링 {0:.1f} ms · {1:.1f} fps (모델) · 최근 1초 동안 {2} 프레임</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="537" />
        <source>{0} directions from 3,000 samples; σ of PC0 = {1:.2f}</source>
        <translation>샘플 3,000개에서 얻은 방향 {0}개; PC0의 σ = {1:.2f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="547" />
        <source>{0} channels in this layer</source>
        <translation>이 층의 채널 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explorer_panel.py" line="549" />
        <source>Saved {0}</source>
        <translation>{0} 저장함</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="40" />
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="46" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="51" />
        <source>1-D demo</source>
        <translation>1차원 데모</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="54" />
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="70" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="71" />
        <source>&amp;Open checkpoint…</source>
        <translation>체크포인트 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="72" />
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="75" />
        <source>&amp;Save image…</source>
        <translation>이미지 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="76" />
        <source>&amp;Copy image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="77" />
        <source>Save s&amp;tate…</source>
        <translation>상태 저장(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="78" />
        <source>Open st&amp;ate…</source>
        <translation>상태 열기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="80" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="81" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="82" />
        <source>Zoom to &amp;fit</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="83" />
        <source>Zoom &amp;1:1</source>
        <translation>1:1 크기(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="84" />
        <source>Zoom &amp;2×</source>
        <translation>2배 확대(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="86" />
        <source>&amp;Previous seed</source>
        <translation>이전 시드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="87" />
        <source>&amp;Next seed</source>
        <translation>다음 시드(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="88" />
        <source>&amp;Random seed</source>
        <translation>무작위 시드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="89" />
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="90" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="91" />
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="96" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="97" />
        <source>&amp;About ganexplorer</source>
        <translation>ganexplorer 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="101" />
        <source>The language changes the next time ganexplorer starts.</source>
        <translation>언어는 ganexplorer를 다시 시작하면 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="110" />
        <source>About ganexplorer</source>
        <translation>ganexplorer 정보</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="111" />
        <source>ganexplorer {0}: see and teach Generative Adversarial Networks.</source>
        <translation>ganexplorer {0}: 생성적 적대 신경망(GAN)을 보고 가르치는 도구.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="116" />
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="117" />
        <source>Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)</source>
        <translation>체크포인트 (*.pkl *.pt *.pth *.ckpt *.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="126" />
        <location filename="../../ganexplorer/gui/main_window.py" line="128" />
        <source>Loading {0}…</source>
        <translation>{0} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="128" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="137" />
        <source>Loading cancelled; the previous model stays loaded.</source>
        <translation>불러오기를 취소했습니다. 이전 모델을 계속 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="161" />
        <source>Loaded {0}</source>
        <translation>{0} 불러옴</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="170" />
        <source>Could not open the checkpoint</source>
        <translation>체크포인트를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="206" />
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="206" />
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="213" />
        <location filename="../../ganexplorer/gui/main_window.py" line="230" />
        <source>Saved {0}</source>
        <translation>{0} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="213" />
        <source>Could not save {0}</source>
        <translation>{0}을(를) 저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="220" />
        <source>Image copied to the clipboard</source>
        <translation>이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="233" />
        <source>Save state</source>
        <translation>상태 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="233" />
        <location filename="../../ganexplorer/gui/main_window.py" line="238" />
        <source>Explorer state (*.json)</source>
        <translation>탐색 상태 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="238" />
        <source>Open state</source>
        <translation>상태 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/main_window.py" line="250" />
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
        <location filename="../../ganexplorer/gui/train_panel.py" line="68" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="88" />
        <source>non-saturating BCE</source>
        <translation>비포화 BCE</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="88" />
        <source>minimax (original)</source>
        <translation>미니맥스 (원래 형태)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="89" />
        <source>least squares</source>
        <translation>최소제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="102" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="103" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="104" />
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="105" />
        <source>Learning rate (Adam)</source>
        <translation>학습률 (Adam)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="107" />
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="108" />
        <source>D steps per G step</source>
        <translation>G 한 단계당 D 단계 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="109" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="110" />
        <source>Samples every N steps</source>
        <translation>N 단계마다 샘플</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="111" />
        <source>Checkpoint every N steps</source>
        <translation>N 단계마다 체크포인트</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="112" />
        <source>Run folder</source>
        <translation>실행 폴더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="113" />
        <source>Setup</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="116" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="117" />
        <location filename="../../ganexplorer/gui/train_panel.py" line="354" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="118" />
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="119" />
        <source>One D step</source>
        <translation>D 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="120" />
        <source>One G step</source>
        <translation>G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="121" />
        <source>Open in explorer</source>
        <translation>탐색 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="132" />
        <source>Not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="142" />
        <source>Losses</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="146" />
        <source>D(x) and D(G(z))</source>
        <translation>D(x)와 D(G(z))</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="154" />
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="155" />
        <source>Digits the classifier sees in 200 samples</source>
        <translation>분류기가 본 샘플 200개의 숫자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="156" />
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="160" />
        <source>Class coverage appears for digit data.</source>
        <translation>숫자 데이터에서는 클래스 분포가 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="170" />
        <source>Generated (fixed noise)</source>
        <translation>생성 결과 (고정 노이즈)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="171" />
        <source>Real</source>
        <translation>실제 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="203" />
        <source>Training data</source>
        <translation>학습 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="204" />
        <source>Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)</source>
        <translation>데이터셋 (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="241" />
        <source>Training {0} on {1}</source>
        <translation>{1}로 {0} 학습 중</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="284" />
        <source>snapshot at step {0}</source>
        <translation>{0}단계 스냅숏</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="305" />
        <source>step {0}: {1} of 10 classes covered, largest class {2:.0%}, {3:.0%} classified confidently</source>
        <translation>{0}단계: 10개 클래스 중 {1}개 포함, 가장 큰 클래스 {2:.0%}, 확신 있게 분류된 비율 {3:.0%}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="312" />
        <source>Checkpoint written: {0}</source>
        <translation>체크포인트 저장: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="322" />
        <source>Stopped at step {0}; saved {1}</source>
        <translation>{0}단계에서 정지; {1} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="333" />
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="346" />
        <source>step {0} · epoch {1} · {2:.2f} steps/s</source>
        <translation>{0}단계 · 에포크 {1} · 초당 {2:.2f}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train_panel.py" line="354" />
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