<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>ArithGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="247" />
        <source>Vector arithmetic in w</source>
        <translation>w 벡터 연산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="250" />
        <source>A: the seed to start from</source>
        <translation>A: 출발점이 되는 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="250" />
        <source>B: the seed whose features are taken away (−B)</source>
        <translation>B: 특징을 빼는 시드 (−B)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="251" />
        <source>C: the seed whose features are added (+C)</source>
        <translation>C: 특징을 더하는 시드 (+C)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="256" />
        <source>Show A − B + C</source>
        <translation>A − B + C 보기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="258" />
        <source>Shows w(A) − w(B) + w(C): if B and C differ in one feature (e.g. thickness), A gets that change</source>
        <translation>w(A) − w(B) + w(C)를 보여 줍니다. B와 C가 한 특징(예: 굵기)만 다르면 A에 그 변화가 적용됩니다</translation>
    </message>
</context>
<context>
    <name>BandLegend</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/layer_range.py" line="51" />
        <source>The StyleGAN paper's bands: coarse styles (4²–8²) set pose and shape, middle ones (16²–32²) smaller features, fine ones (64² and up) colour and micro-structure</source>
        <translation>StyleGAN 논문의 구간: 거친 스타일(4²–8²)은 자세와 형태를, 중간 스타일(16²–32²)은 더 작은 특징을, 세밀한 스타일(64² 이상)은 색과 미세 구조를 정합니다</translation>
    </message>
</context>
<context>
    <name>ChannelTiles</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/channel_tiles.py" line="59" />
        <source>Click a tile to switch its channel off; click again to switch it back on</source>
        <translation>타일을 클릭하면 그 채널이 꺼지고, 다시 클릭하면 다시 켜집니다</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="45" />
        <source>Compare directions</source>
        <translation>방향 비교</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="54" />
        <source>all layers</source>
        <translation>모든 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="54" />
        <source>coarse</source>
        <translation>거친 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="54" />
        <source>middle</source>
        <translation>중간 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="55" />
        <source>fine</source>
        <translation>세밀한 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="57" />
        <source>{0} (w {1}–{2})</source>
        <translation>{0} (w {1}–{2})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="61" />
        <source>Add SeFa directions</source>
        <translation>SeFa 방향 추가</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="62" />
        <source>Closed-form directions from the weights of the layers chosen (Shen &amp; Zhou 2021): no sampling, instant</source>
        <translation>고른 층의 가중치에서 닫힌 형태로 구한 방향 (Shen &amp; Zhou 2021): 샘플링 없이 바로</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="65" />
        <source>Import…</source>
        <translation>가져오기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="67" />
        <source>Export selected set…</source>
        <translation>선택한 세트 내보내기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="91" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="92" />
        <source>Stop drawing the strips (or computing the SeFa set)</source>
        <translation>띠 그리기(또는 SeFa 세트 계산)를 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="100" />
        <source>Ctrl+S saves the strips as a labelled picture.</source>
        <translation>Ctrl+S로 줄 그림들을 이름표가 붙은 그림으로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="170" />
        <source>Drawing {0} strips of {1} pictures: %p%</source>
        <translation>그림 {1}장짜리 띠 {0}개를 그리는 중: %p%</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="176" />
        <source>Seed {0}; each row moves it along one direction by −3σ … +3σ (σ: the spread of w along it).</source>
        <translation>시드 {0}. 각 줄은 이 그림을 한 방향을 따라 −3σ … +3σ 옮깁니다 (σ: 그 방향으로 w가 퍼진 정도).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="179" />
        <source>Most alike: {0}.</source>
        <translation>가장 비슷한 쌍: {0}.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="186" />
        <source>Nothing to save yet: tick at least one direction.</source>
        <translation>아직 저장할 것이 없습니다. 방향을 하나 이상 체크하세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="188" />
        <source>Save the comparison</source>
        <translation>비교 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="189" />
        <source>PNG pictures (*.png)</source>
        <translation>PNG 그림 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="197" />
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="243" />
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="210" />
        <source>Sampling 10,000 w for the sigmas: %p%</source>
        <translation>σ를 재려고 w 10,000개를 샘플링하는 중: %p%</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="211" />
        <source>Computing SeFa directions…</source>
        <translation>SeFa 방향을 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="216" />
        <source>Import directions</source>
        <translation>방향 가져오기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="217" />
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="235" />
        <source>Directions files (*.npz)</source>
        <translation>방향 파일 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="231" />
        <source>Select a direction in the list first; its whole set is exported.</source>
        <translation>먼저 목록에서 방향을 고르세요. 그 방향이 속한 세트 전체를 내보냅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="234" />
        <source>Export directions</source>
        <translation>방향 내보내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="251" />
        <source>Added “{0}” ({1} directions).</source>
        <translation>“{0}”을(를) 추가했습니다 (방향 {1}개).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="260" />
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="292" />
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="294" />
        <source>Cancelled</source>
        <translation>취소했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="292" />
        <source>Tick or untick a direction to draw the strips again.</source>
        <translation>방향을 체크하거나 해제하면 띠를 다시 그립니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/compare_dialog.py" line="294" />
        <source>no SeFa directions were added.</source>
        <translation>SeFa 방향을 추가하지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>ControlGroups</name>
    </context>
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../ganexplorer/gui/common/core_text.py" line="22" />
        <source>en</source>
        <comment>the language code of this translation (ko for Korean)</comment>
        <translation>ko</translation>
    </message>
</context>
<context>
    <name>Demo1DPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="23" />
        <source>Start both</source>
        <translation>둘 다 시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="24" />
        <source>Start the two runs together, to compare what D sees; they share the computer, so each runs slower than alone.</source>
        <translation>두 실행을 함께 시작해 D가 보는 것에 따른 차이를 비교합니다. 컴퓨터를 나눠 쓰므로 각각 혼자 실행할 때보다 느립니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="26" />
        <source>Stop both</source>
        <translation>둘 다 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="27" />
        <source>Stop every run that is training.</source>
        <translation>학습 중인 실행을 모두 정지합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="30" />
        <source>G learns to sample N(μ, σ) from uniform noise. The two runs differ in what D sees of a batch.</source>
        <translation>G는 균등 노이즈로부터 N(μ, σ)의 샘플을 만들도록 배웁니다. 두 실행은 D가 배치에서 무엇을 보는지가 다릅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_panel.py" line="69" />
        <source>&lt;h3&gt;The 1-D demo: a GAN in one dimension&lt;/h3&gt;&lt;p&gt;The real data are numbers drawn from a normal distribution N(μ, σ) (green). The generator G is a tiny network that turns uniform random numbers into numbers of its own (purple). The discriminator D is shown a whole &lt;b&gt;batch&lt;/b&gt; of 500 numbers and says how likely it is that the batch is real (1) rather than generated (0).&lt;/p&gt;&lt;p&gt;Each epoch D trains 20 steps to tell real batches from generated ones, then G trains 20 steps to make D say “real”. If it works, the purple histogram slides onto the green one.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What D sees&lt;/b&gt; decides how well G is taught. With the raw 500 numbers, D has too much to look at and G often collapses to a narrow spike at the right mean. With the mean, std, skew and kurtosis, D compares exactly what matters and G usually learns both the place and the spread (try a few seeds: GAN training is a tug of war, and some runs are still swinging at the end).&lt;/p&gt;&lt;p&gt;&lt;b&gt;The red curve&lt;/b&gt; is not D of one number: D only ever scores batches. It is D's score for the last real batch moved so that its mean is x (read it on the right axis). Near the end of a good run D answers about 0.5 (dashed line) for real and generated batches alike.&lt;/p&gt;&lt;p&gt;Click &lt;b&gt;Start both&lt;/b&gt; to run the two settings side by side; the line under each run sums up what G learned.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;1차원 데모: 1차원 GAN&lt;/h3&gt;&lt;p&gt;실제 데이터는 정규분포 N(μ, σ)에서 뽑은 숫자입니다(초록색). 생성자 G는 균등 분포 난수를 자신의 숫자로 바꾸는 작은 신경망입니다(보라색). 판별자 D는 숫자 500개로 이루어진 &lt;b&gt;배치&lt;/b&gt; 전체를 보고, 그 배치가 생성된 것(0)이 아니라 실제(1)일 가능성이 얼마나 되는지 답합니다.&lt;/p&gt;&lt;p&gt;에포크마다 D가 먼저 20단계 동안 실제 배치와 생성된 배치를 구별하도록 학습하고, 이어서 G가 20단계 동안 D가 “실제”라고 답하게 만들도록 학습합니다. 잘 되면 보라색 히스토그램이 초록색 히스토그램 위로 옮겨 갑니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;D의 입력&lt;/b&gt;이 G가 얼마나 잘 배우는지를 좌우합니다. 원본 숫자 500개를 그대로 보면 D가 살펴볼 것이 너무 많아서, G는 흔히 올바른 평균 위치의 좁고 뾰족한 봉우리로 붕괴합니다. 평균, 표준편차, 왜도, 첨도를 보면 D는 정확히 중요한 것만 비교하고, G는 대개 위치와 퍼짐을 모두 배웁니다(여러 시드로 해 보세요. GAN 학습은 줄다리기라서 끝날 때까지 흔들리는 실행도 있습니다).&lt;/p&gt;&lt;p&gt;&lt;b&gt;빨간 곡선&lt;/b&gt;은 숫자 하나에 대한 D가 아닙니다. D는 언제나 배치에만 점수를 매깁니다. 이 곡선은 마지막 실제 배치를 평균이 x가 되도록 옮겼을 때 D가 매기는 점수입니다(오른쪽 축으로 읽습니다). 잘 된 실행의 끝 무렵에는 D가 실제 배치와 생성된 배치 모두에 약 0.5(점선)로 답합니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;둘 다 시작&lt;/b&gt;을 누르면 두 설정을 나란히 실행합니다. 각 실행 아래의 줄은 G가 배운 것을 요약합니다.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Demo1DRun</name>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="110" />
        <source>raw samples</source>
        <translation>원본 샘플</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="110" />
        <source>mean, std</source>
        <translation>평균, 표준편차</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="111" />
        <source>mean, std, skew, kurtosis</source>
        <translation>평균, 표준편차, 왜도, 첨도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="111" />
        <source>samples + squared deviations</source>
        <translation>샘플 + 편차 제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="116" />
        <source>What D is shown of each batch of 500 samples. D never judges one number: it judges a whole batch.
raw samples: all 500 numbers; mean, std: two numbers; mean, std, skew, kurtosis: four numbers (the shape of the batch's histogram); samples + squared deviations: the 500 numbers and how far each is from the batch mean.
The fewer and better chosen the numbers, the easier D's job, and the better G's teacher.</source>
        <translation>D가 샘플 500개로 된 각 배치에서 보는 것. D는 숫자 하나를 판정하지 않고 배치 전체를 판정합니다.
원본 샘플: 숫자 500개 전부. 평균, 표준편차: 숫자 두 개. 평균, 표준편차, 왜도, 첨도: 숫자 네 개(배치 히스토그램의 모양). 샘플 + 편차 제곱: 숫자 500개와 각 숫자가 배치 평균에서 떨어진 정도.
숫자가 적고 잘 고를수록 D의 일이 쉬워지고, D는 G에게 더 좋은 선생이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="125" />
        <source>μ: the mean of the real distribution N(μ, σ) that G must learn to imitate.</source>
        <translation>μ: G가 흉내 내도록 배워야 하는 실제 분포 N(μ, σ)의 평균.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="130" />
        <source>σ: the standard deviation (spread) of the real distribution.</source>
        <translation>σ: 실제 분포의 표준편차(퍼짐).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="134" />
        <source>One epoch = 20 D updates (real batch → 1, generated batch → 0), then 20 G updates (generated batch → 1). The lecture uses 2000.</source>
        <translation>한 에포크 = D 업데이트 20번(실제 배치 → 1, 생성된 배치 → 0) 후 G 업데이트 20번(생성된 배치 → 1). 강의에서는 2000을 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="138" />
        <source>Starting weights and random numbers: the same seed and settings repeat the same run; another seed shows how much luck is involved.</source>
        <translation>초기 가중치와 난수: 같은 시드와 설정이면 같은 실행이 반복되고, 다른 시드를 쓰면 운이 얼마나 작용하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="141" />
        <source>Train this run from scratch with the settings above.</source>
        <translation>위 설정으로 이 실행을 처음부터 학습합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="143" />
        <source>Stop this run; its plots and summary stay.</source>
        <translation>이 실행을 정지합니다. 그래프와 요약은 남습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="149" />
        <source>D sees</source>
        <translation>D의 입력</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="155" />
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="155" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="171" />
        <source>density</source>
        <translation>밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="173" />
        <source>real N(μ, σ)</source>
        <translation>실제 N(μ, σ)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="175" />
        <source>generated G(z)</source>
        <translation>생성된 G(z)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="186" />
        <source>D's score (1 = real)</source>
        <translation>D의 점수 (1 = 실제)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="187" />
        <source>D(real batch moved to x)</source>
        <translation>D(x로 옮긴 실제 배치)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="194" />
        <source>Green: samples of the real distribution. Purple: what G makes of uniform noise.
Red (right axis): D's score. D never scores one number: it scores a whole batch of 500. The red curve is its score for the last real batch moved so that its mean is x (same spread and shape): near 1 where D would call such a batch real. The dashed line is 0.5, where D cannot tell.</source>
        <translation>초록색: 실제 분포의 샘플. 보라색: G가 균등 노이즈로 만든 것.
빨간색(오른쪽 축): D의 점수. D는 숫자 하나에 점수를 매기지 않고, 500개짜리 배치 전체에 점수를 매깁니다. 빨간 곡선은 마지막 실제 배치를 평균이 x가 되도록(퍼짐과 모양은 그대로) 옮겼을 때의 점수입니다. D가 그런 배치를 실제라고 판단할 곳에서는 1에 가깝습니다. 점선은 D가 구별하지 못하는 0.5입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="200" />
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="203" />
        <source>D error, real batch</source>
        <translation>D 오차, 실제 배치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="203" />
        <source>D error, generated batch</source>
        <translation>D 오차, 생성된 배치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="203" />
        <source>G error</source>
        <translation>G 오차</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="210" />
        <source>Binary cross-entropy after each epoch. log 2 ≈ 0.69 is the error of a D that answers 0.5 for everything: near it, D and G are balanced.</source>
        <translation>에포크마다 측정한 이진 교차 엔트로피입니다. log 2 ≈ 0.69는 모든 입력에 0.5로 답하는 D의 오차입니다. 이 값 근처이면 D와 G가 균형을 이룬 것입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="247" />
        <source>Training…</source>
        <translation>학습 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="297" />
        <source>Done: {0} epochs in {1:.1f} s.</source>
        <translation>완료: {1:.1f}초 동안 {0} 에포크.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="299" />
        <source>Stopped after {0} of {1} epochs ({2:.1f} s).</source>
        <translation>{1} 에포크 중 {0} 에포크 후 정지 ({2:.1f}초).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="300" />
        <source>Learned mean {0:.2f} (target {1:.2f}), std {2:.2f} (target {3:.2f}).</source>
        <translation>학습된 평균 {0:.2f} (목표 {1:.2f}), 표준편차 {2:.2f} (목표 {3:.2f}).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="309" />
        <source>D sees all 500 numbers of a batch at once.</source>
        <translation>D가 배치의 숫자 500개를 한꺼번에 봅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="310" />
        <source>D sees a batch's 500 numbers and their squared deviations from its mean.</source>
        <translation>D가 배치의 숫자 500개와, 각 숫자의 평균으로부터의 편차 제곱을 봅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="311" />
        <source>D sees 2 numbers per batch (mean, std).</source>
        <translation>D가 배치마다 숫자 2개(평균, 표준편차)를 봅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="312" />
        <source>D sees 4 numbers per batch (mean, std, skew, kurtosis).</source>
        <translation>D가 배치마다 숫자 4개(평균, 표준편차, 왜도, 첨도)를 봅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="319" />
        <source>Real [{0}] → D = {1:.2f}; generated [{2}] → D = {3:.2f}.</source>
        <translation>실제 [{0}] → D = {1:.2f}; 생성 [{2}] → D = {3:.2f}.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="322" />
        <source>Real batch → D = {0:.2f}; generated batch → D = {1:.2f}.</source>
        <translation>실제 배치 → D = {0:.2f}; 생성된 배치 → D = {1:.2f}.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="140" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="73" />
        <source>What D was given for the last real and the last generated batch, and the score it gave each (1 = real, 0 = generated). At the end of a good run both scores are near 0.5: D can no longer tell them apart.</source>
        <translation>마지막 실제 배치와 마지막 생성된 배치에 대해 D가 받은 입력과 각각에 매긴 점수(1 = 실제, 0 = 생성). 잘 된 실행의 끝에는 두 점수 모두 0.5에 가깝습니다. D가 더는 둘을 구별하지 못하는 것입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="81" />
        <source>How the run ended: epochs, wall-clock time, and the mean and standard deviation of 20 000 fresh generated samples next to the target.</source>
        <translation>실행이 끝난 결과: 에포크 수, 경과 시간, 그리고 새로 생성한 샘플 20 000개의 평균과 표준편차를 목표값과 나란히 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="86" />
        <source>The lecture's log lines: D's error on the real and on the generated batch, G's error, then [mean, std] of the last real and generated batch.</source>
        <translation>강의의 로그 줄: 실제 배치와 생성된 배치에 대한 D의 오차, G의 오차, 그리고 마지막 실제 배치와 생성된 배치의 [평균, 표준편차].</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="90" />
        <source>Errors</source>
        <translation>오차</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="91" />
        <source>Log lines</source>
        <translation>로그</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/demo1d/demo1d_run.py" line="142" />
        <source>Stop</source>
        <translation>정지</translation>
    </message>
</context>
<context>
    <name>DirectionSetSliders</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="45" />
        <source>No direction sets yet: make one with Directions ▸ Direction from labels, or add SeFa directions or a file in Directions ▸ Compare directions.</source>
        <translation>아직 방향 세트가 없습니다. 방향 ▸ 레이블로 방향 만들기로 만들거나, 방향 ▸ 방향 비교에서 SeFa 방향이나 파일을 추가하세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="113" />
        <source>{0} — {1}, {2}</source>
        <translation>{0} — {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="120" />
        <source>Remove the set “{0}” and its edits</source>
        <translation>세트 “{0}”와 그 편집을 지웁니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="129" />
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="129" />
        <source>SeFa</source>
        <translation>SeFa</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="129" />
        <source>from labels</source>
        <translation>레이블에서</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="130" />
        <source>from a file</source>
        <translation>파일에서</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="135" />
        <source>w {0}–{1}</source>
        <translation>w {0}–{1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/set_sliders.py" line="138" />
        <source>Moves w along this direction of “{0}” on layers {1}, in standard deviations (σ) of w along it over 10,000 sampled ws: ±2σ stays among typical pictures</source>
        <translation>“{0}”의 이 방향으로 층 {1}에서 w를 움직입니다. 단위는 샘플링한 w 10,000개에서 잰 이 방향의 표준편차(σ)입니다. ±2σ까지는 흔한 그림 사이에 머뭅니다</translation>
    </message>
</context>
<context>
    <name>DirectionSetsGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="201" />
        <source>Direction sets (in σ)</source>
        <translation>방향 집합 (σ 단위)</translation>
    </message>
</context>
<context>
    <name>DirectionsDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="53" />
        <source>Another model was opened since this dialog was: close it and open it again from the Directions menu.</source>
        <translation>이 대화상자를 연 뒤 다른 모델이 열렸습니다. 닫고 Directions 메뉴에서 다시 여세요.</translation>
    </message>
</context>
<context>
    <name>DirectionsJob</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="71" />
        <source>{0} directions from {1} samples, σ over {2}; σ of PC0 = {3:.2f}</source>
        <translation>샘플 {1}개에서 얻은 방향 {0}개, σ는 {2}개에서; PC0의 σ = {3:.2f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="78" />
        <source>The principal directions could not be computed: {0}</source>
        <translation>주성분 방향을 계산하지 못했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="84" />
        <source>Cancelled: no principal directions yet. Compute starts again.</source>
        <translation>취소됨: 아직 주성분 방향이 없습니다. 계산을 누르면 다시 시작합니다.</translation>
    </message>
</context>
<context>
    <name>DirectionsMenu</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/menu.py" line="18" />
        <source>&amp;Directions</source>
        <translation>방향(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/menu.py" line="23" />
        <source>Direction from &amp;labels…</source>
        <translation>레이블로 방향 만들기(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/menu.py" line="25" />
        <source>&amp;Compare directions…</source>
        <translation>방향 비교(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/menu.py" line="37" />
        <source>Directions in w need a style-based generator (StyleGAN2): open one first.</source>
        <translation>w의 방향에는 스타일 기반 생성자(StyleGAN2)가 필요합니다. 먼저 그런 모델을 여세요.</translation>
    </message>
</context>
<context>
    <name>DownloadButton</name>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="27" />
        <source>Download…</source>
        <translation>다운로드…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="29" />
        <source>Download MNIST, Fashion-MNIST or a Quick Draw category (needs internet; kept in a local cache)</source>
        <translation>MNIST, Fashion-MNIST 또는 Quick Draw 카테고리를 내려받습니다 (인터넷 필요, 로컬 캐시에 보관)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="36" />
        <source>MNIST</source>
        <translation>MNIST</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="37" />
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="38" />
        <source>Quick Draw category…</source>
        <translation>Quick Draw 카테고리…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="42" />
        <source>Quick Draw</source>
        <translation>Quick Draw</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="43" />
        <source>Category (for example cat, house, bicycle):</source>
        <translation>카테고리 (예: cat, house, bicycle):</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="51" />
        <source>Downloading {0}…</source>
        <translation>{0} 내려받는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="51" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="79" />
        <source>Downloaded {0:.1f} MB</source>
        <translation>{0:.1f} MB 내려받음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="82" />
        <source>Downloaded; training data set to {0}</source>
        <translation>내려받기 완료; 학습 데이터를 {0}(으)로 설정했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/dataset_download.py" line="65" />
        <source>Download cancelled</source>
        <translation>내려받기가 취소되었습니다</translation>
    </message>
</context>
<context>
    <name>DrawingPad</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/drawing_pad.py" line="26" />
        <source>Draw with the mouse; let go to project the drawing</source>
        <translation>마우스로 그리세요. 버튼을 놓으면 그림을 투영합니다</translation>
    </message>
</context>
<context>
    <name>ExplorerPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_panel.py" line="74" />
        <source>No model loaded. Open a checkpoint with File → Open or drop it here.</source>
        <translation>불러온 모델이 없습니다. 파일 → 열기로 체크포인트를 열거나 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_panel.py" line="239" />
        <source>Needs a style-based generator (StyleGAN2): this {0} has no per-layer styles or noise inputs</source>
        <translation>스타일 기반 생성자(StyleGAN2)가 필요합니다. 이 {0}에는 층별 스타일이나 노이즈 입력이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_panel.py" line="368" />
        <source>preview at {0} px: {1:.1f} ms · the full picture follows when the slider rests</source>
        <translation>{0} px 미리보기: {1:.1f} ms · 슬라이더가 멈추면 전체 그림이 이어집니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_panel.py" line="371" />
        <source>render {0:.1f} ms · {1:.1f} fps (model) · {2} frames in the last second</source>
        <translation>렌더링 {0:.1f} ms · {1:.1f} fps (모델) · 최근 1초 동안 {2} 프레임</translation>
    </message>
    </context>
<context>
    <name>ExplorerViews</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="314" />
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="315" />
        <source>Stochastic variation</source>
        <translation>확률적 변화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="316" />
        <source>Mixing grid</source>
        <translation>믹싱 격자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="317" />
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="319" />
        <source>The picture the generator makes from the settings on the left</source>
        <translation>왼쪽 설정으로 생성자가 만든 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="320" />
        <source>What the noise inputs change: per-pixel standard deviation over many noise draws</source>
        <translation>노이즈 입력이 바꾸는 것: 여러 노이즈 샘플에 대한 픽셀별 표준편차</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="321" />
        <source>Style mixing: each row's seed takes the chosen layers from each column's seed</source>
        <translation>스타일 믹싱: 각 행의 시드가 선택한 층을 각 열의 시드에서 가져옵니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="322" />
        <source>The feature maps inside one layer of the generator; switch channels off to see their job</source>
        <translation>생성자의 한 층 안에 있는 특징 맵. 채널을 꺼서 각 채널의 역할을 알아보세요</translation>
    </message>
</context>
<context>
    <name>ExplorerWords</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="57" />
        <source>&lt;p&gt;A &lt;b&gt;generator&lt;/b&gt; turns a random vector &lt;i&gt;z&lt;/i&gt; (picked by the &lt;b&gt;seed&lt;/b&gt;) into a picture. A style-based generator (StyleGAN2) first maps z to &lt;i&gt;w&lt;/i&gt; and feeds w to every layer; the early layers work on coarse resolutions (4²–8²: pose, shape), the middle ones on 16²–32², the fine ones on 64² and up (colour, texture).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;생성자&lt;/b&gt;는 무작위 벡터 &lt;i&gt;z&lt;/i&gt;(&lt;b&gt;시드&lt;/b&gt;로 선택)를 그림으로 바꿉니다. 스타일 기반 생성자(StyleGAN2)는 먼저 z를 &lt;i&gt;w&lt;/i&gt;로 매핑하고 w를 모든 층에 넣습니다. 앞쪽 층은 낮은 해상도(4²–8²: 자세, 형태)를, 중간 층은 16²–32²를, 세밀한 층은 64² 이상(색, 질감)을 다룹니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="60" />
        <source>This model: {0}.</source>
        <translation>이 모델: {0}.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="62" />
        <source>This {0} feeds z straight into its first layer: it has no w per layer and no noise inputs, so Stochastic variation, Mixing grid, noise and style mixing are switched off.</source>
        <translation>이 {0}은(는) z를 첫 층에 바로 넣습니다. 층마다 w가 없고 노이즈 입력도 없으므로 확률적 변화, 혼합 격자, 노이즈, 스타일 혼합은 꺼져 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="64" />
        <source>&lt;p&gt;&lt;b&gt;Image&lt;/b&gt;: the picture for the current settings; the caption underneath says how it was made. Try the seed arrows, ψ (truncation toward the average picture), the z sliders (offsets added to z) and the w directions (moves along the main directions of w, in σ). The seed grid blends the ws of nearby seeds; A − B + C does arithmetic on ws.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;이미지&lt;/b&gt;: 현재 설정으로 만든 그림입니다. 아래 설명에 어떻게 만들었는지 나옵니다. 시드 화살표, ψ(평균 그림 쪽으로의 절단), z 슬라이더(z에 더하는 오프셋), w 방향(w의 주요 방향을 따라 σ 단위로 이동)을 써 보세요. 시드 격자는 가까운 시드들의 w를 섞고, A − B + C는 w로 산술 연산을 합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="65" />
        <source>&lt;p&gt;&lt;b&gt;Stochastic variation&lt;/b&gt;: the same w rendered with many different noise inputs; each pixel's colour is how much it changed (standard deviation, in pixel levels 0–255, see the colour bar). Bright places are details the noise decides (texture, strands); dark places are fixed by w.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;확률적 변화&lt;/b&gt;: 같은 w를 여러 다른 노이즈 입력으로 렌더링합니다. 각 픽셀의 색은 그 픽셀이 얼마나 변했는지(표준편차, 픽셀 값 0–255 기준, 색 막대 참고)를 나타냅니다. 밝은 곳은 노이즈가 정하는 세부(질감, 가닥)이고, 어두운 곳은 w가 정합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="66" />
        <source>&lt;p&gt;&lt;b&gt;Mixing grid&lt;/b&gt;: the top row and the left column are the seeds themselves; every other picture is its row's seed with the chosen layers taken from its column's seed. Coarse layers copy pose and shape, fine layers only colour and texture.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;믹싱 격자&lt;/b&gt;: 맨 위 행과 왼쪽 열은 시드 자체입니다. 나머지 그림은 각 행의 시드에서 선택한 층만 해당 열의 시드에서 가져온 것입니다. 거친 층은 자세와 형태를 복사하고, 세밀한 층은 색과 질감만 복사합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="67" />
        <source>&lt;p&gt;&lt;b&gt;Layers&lt;/b&gt;: 16 feature maps (channels) of one layer for the current picture. Type channel numbers to switch them off (set them to zero): the picture changes, a red badge says so on the Image tab, and the switched-off maps are shown black. Each layer keeps its own list.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;층&lt;/b&gt;: 현재 그림에 대한 한 층의 특징 맵(채널) 16개입니다. 채널 번호를 입력하면 그 채널을 끕니다(0으로 설정). 그러면 그림이 바뀌고, 이미지 탭에 빨간 배지가 표시되며, 꺼진 맵은 검게 보입니다. 층마다 자체 목록을 유지합니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="82" />
        <source>{0} parameters</source>
        <translation>매개변수 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="83" />
        <source>device: {0}</source>
        <translation>장치: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="86" />
        <source>{0} classes</source>
        <translation>클래스 {0}개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="92" />
        <source>trained {0} steps on {1}</source>
        <translation>{1}에서 {0} 스텝 학습됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="97" />
        <source>digit classifier on {0} samples: {1:.0%} confident, {2}/10 classes, largest {3:.0%}, Fréchet distance {4:.2f} (real data: {5:.2f})</source>
        <translation>숫자 분류기, 샘플 {0}개: 확신 {1:.0%}, 클래스 {2}/10, 최대 클래스 {3:.0%}, 프레셰 거리 {4:.2f} (실제 데이터: {5:.2f})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="115" />
        <source>ops: fused GPU (Triton)</source>
        <translation>연산: 융합 GPU (Triton)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="116" />
        <source>ops: reference (PyTorch) — {0}</source>
        <translation>연산: 기준 구현 (PyTorch) — {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="118" />
        <source>ops: CPU fast path (PyTorch)</source>
        <translation>연산: CPU 고속 경로 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="119" />
        <source>ops: reference (PyTorch)</source>
        <translation>연산: 참조 구현 (PyTorch)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="122" />
        <source>coarse</source>
        <translation>거친 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="122" />
        <source>middle</source>
        <translation>중간 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="122" />
        <source>fine</source>
        <translation>세밀한 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="131" />
        <source>{0} {1} ({2})</source>
        <translation>{0} {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="133" />
        <source>layers {0}</source>
        <translation>층 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="136" />
        <source>this {0}² model has no {1} band</source>
        <translation>이 {0}² 모델에는 {1} 구간이 없습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="137" />
        <source> or </source>
        <translation> 또는 </translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="147" />
        <source>empty range: b must be larger than a</source>
        <translation>빈 범위: b가 a보다 커야 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="148" />
        <source>layers {0}: {1} ({2})</source>
        <translation>층 {0}: {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="156" />
        <source>z offsets {0}</source>
        <translation>z 오프셋 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="161" />
        <source>preview — refining…</source>
        <translation>미리보기 — 다듬는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="169" />
        <source>walk frame {0}/{1} ({2}: seeds {3})</source>
        <translation>산책 프레임 {0}/{1} ({2}: 시드 {3})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="172" />
        <source>projected image (in {0})</source>
        <translation>투영한 이미지 ({0} 공간)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="174" />
        <source>A − B + C of seeds {0}, {1}, {2}</source>
        <translation>시드 {0}, {1}, {2}의 A − B + C</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="176" />
        <source>seed grid blend of {0}</source>
        <translation>시드 격자 혼합: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="179" />
        <source>blend of seeds {0}</source>
        <translation>시드 {0}의 혼합</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="181" />
        <source>a custom z</source>
        <translation>사용자 지정 z</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="183" />
        <source>seed {0}</source>
        <translation>시드 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="188" />
        <source>with layers {0} from seed {1} ({2})</source>
        <translation>층 {0}을(를) 시드 {1}에서 가져옴 ({2})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="206" />
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="217" />
        <source>on layers {0}</source>
        <translation>층 {0}에서</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="220" />
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="223" />
        <source>random noise (seed {0})</source>
        <translation>무작위 노이즈 (시드 {0})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="225" />
        <source>no noise</source>
        <translation>노이즈 없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="227" />
        <source>noise × {0:.2f}</source>
        <translation>노이즈 × {0:.2f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="229" />
        <source>switched off: {0}</source>
        <translation>꺼짐: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="230" />
        <location filename="../../ganexplorer/gui/explore/explorer_words.py" line="235" />
        <source>{0} channels {1}</source>
        <translation>{0} 채널 {1}</translation>
    </message>
    </context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="45" />
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="86" />
        <source>Save image</source>
        <translation>이미지 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="49" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="54" />
        <source>As shown</source>
        <translation>화면 그대로</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="54" />
        <source>Shorter side at least {0} px</source>
        <translation>짧은 변 최소 {0} px</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="58" />
        <source>Small pictures are enlarged by a whole factor, each pixel becoming a crisp square (no blur)</source>
        <translation>작은 그림은 정수 배율로 확대되어 픽셀 하나하나가 선명한 정사각형이 됩니다 (흐림 없음)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="65" />
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="66" />
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="83" />
        <source>{0} × {1} px</source>
        <translation>{0} × {1} px</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/export_dialog.py" line="87" />
        <source>PNG images (*.png);;JPEG images (*.jpg)</source>
        <translation>PNG 이미지 (*.png);;JPEG 이미지 (*.jpg)</translation>
    </message>
</context>
<context>
    <name>GridPage</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="156" />
        <source>Seeds of the rows (e.g. 85,100,75): each row keeps its own seed's other layers</source>
        <translation>행의 시드 (예: 85,100,75): 각 행은 나머지 층을 자기 시드에서 그대로 가져옵니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="157" />
        <source>Seeds of the columns: their styles go into the chosen layers of each row</source>
        <translation>열의 시드: 이 시드의 스타일이 각 행의 선택한 층에 들어갑니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="158" />
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="159" />
        <source>Build the grid with the layer range of 'Style mixing' on the left</source>
        <translation>왼쪽 '스타일 믹싱'의 층 범위로 격자를 만듭니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="162" />
        <source>Row seeds</source>
        <translation>행 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="164" />
        <source>Column seeds</source>
        <translation>열 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="169" />
        <source>How many of the grid's pictures are drawn</source>
        <translation>격자의 그림 중 몇 장이 그려졌는지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="170" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="171" />
        <source>Stop building the grid</source>
        <translation>격자 만들기를 멈춥니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="185" />
        <source>Type row and column seeds, then click Compute.</source>
        <translation>행 시드와 열 시드를 입력한 다음 계산을 누르세요.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="40" />
        <source>What am I looking at?</source>
        <translation>지금 무엇을 보고 있나요?</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="41" />
        <source>A generator turns a vector of random numbers (the latent z, picked by a seed) into a picture. It learned this by playing against a discriminator, which tries to tell its pictures from real ones.</source>
        <translation>생성자는 무작위 숫자로 된 벡터(시드로 고른 잠재 벡터 z)를 그림으로 바꿉니다. 생성자는 판별자와 게임을 하며 이것을 배웠습니다. 판별자는 생성자의 그림을 실제 그림과 구별하려 합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="43" />
        <source>Explore: pick seeds and move sliders to see what the trained generator does with them: truncation (ψ), noise, style mixing between two seeds, directions in w.</source>
        <translation>탐색: 시드를 고르고 슬라이더를 움직여 학습된 생성자가 무엇을 하는지 봅니다. 절단(ψ), 노이즈, 두 시드 사이의 스타일 믹싱, w의 방향.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="44" />
        <source>Train: watch a small GAN learn. D(x) is the discriminator's score on real pictures, D(G(z)) its score on generated ones; both near 0.5 means it can no longer tell them apart.</source>
        <translation>학습: 작은 GAN이 배우는 과정을 봅니다. D(x)는 실제 그림에 대한 판별자의 점수, D(G(z))는 생성된 그림에 대한 점수입니다. 둘 다 0.5에 가까우면 판별자가 더는 둘을 구별하지 못한다는 뜻입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="45" />
        <source>1-D demo: the same game with single numbers instead of pictures, so the whole distribution fits in one plot.</source>
        <translation>1차원 데모: 그림 대신 숫자 하나로 같은 게임을 하므로 전체 분포를 그래프 하나에 담을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="46" />
        <source>Hover over a control to see what it does.</source>
        <translation>컨트롤 위에 마우스를 올리면 설명이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/help.py" line="47" />
        <source>If something goes wrong, Help ▸ Show log folder opens the folder with the app's log; send the log with your question.</source>
        <translation>문제가 생기면 도움말 ▸ 로그 폴더 열기로 앱의 로그가 있는 폴더를 열 수 있습니다. 질문할 때 로그를 함께 보내 주세요.</translation>
    </message>
</context>
<context>
    <name>ImagePage</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="63" />
        <source>Some channels of the generator are switched off (set to zero) in the Layers view; the picture is not what the model normally makes</source>
        <translation>층 화면에서 생성자의 일부 채널이 꺼져(0으로 설정) 있습니다. 모델이 평소에 만드는 그림이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="64" />
        <source>Clear switch-offs</source>
        <translation>채널 끄기 해제</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="65" />
        <source>Switch every channel back on, in every layer</source>
        <translation>모든 층의 모든 채널을 다시 켭니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="71" />
        <source>Open a checkpoint to see its pictures.</source>
        <translation>체크포인트를 열면 그림을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="76" />
        <source>What the picture above is: how it was made from seeds and settings</source>
        <translation>위 그림이 무엇인지: 시드와 설정으로 어떻게 만들었는지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="80" />
        <source>The seeds A, B and C with the settings on the left, and the picture their ws make</source>
        <translation>왼쪽 설정으로 그린 시드 A, B, C와, 그 w들로 만든 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="91" />
        <source>Ablation on — switched off: {0}</source>
        <translation>채널 끄기 적용 중 — 꺼짐: {0}</translation>
    </message>
</context>
<context>
    <name>Lab2DControls</name>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="37" />
        <source>Ring of 8 Gaussians</source>
        <translation>가우시안 8개의 고리</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="37" />
        <source>5×5 grid of Gaussians</source>
        <translation>가우시안 5×5 격자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="38" />
        <source>Two moons</source>
        <translation>두 개의 반달</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="38" />
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="38" />
        <source>A line</source>
        <translation>직선</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="39" />
        <source>Drawn by you</source>
        <translation>직접 그리기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="42" />
        <source>The real distribution G must learn to imitate. “Drawn by you”: click and drag on the plane to paint your own.</source>
        <translation>G가 흉내 내도록 배워야 하는 실제 분포입니다. “직접 그리기”: 평면을 클릭하고 끌어서 직접 점을 그리세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="45" />
        <source>Mode collapse</source>
        <translation>모드 붕괴</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="45" />
        <source>Fixed (covers every mode)</source>
        <translation>해결됨 (모든 모드를 덮음)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="46" />
        <source>D too strong</source>
        <translation>D가 너무 강함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="46" />
        <source>G too strong</source>
        <translation>G가 너무 강함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="49" />
        <source>Settings that show a lesson: vanilla settings collapse onto a few modes; the fixed recipe (R1 penalty, Adam (0.5, 0.9), a large batch, a falling learning rate) covers every mode.</source>
        <translation>교훈을 보여 주는 설정: 기본(바닐라) 설정은 몇 개의 모드로 붕괴하고, 해결 레시피(R1 페널티, Adam (0.5, 0.9), 큰 배치, 점점 줄어드는 학습률)는 모든 모드를 덮습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="53" />
        <source>minimax</source>
        <translation>미니맥스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="53" />
        <source>non-saturating</source>
        <translation>비포화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="54" />
        <source>least squares</source>
        <translation>최소 제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="54" />
        <source>WGAN-GP</source>
        <translation>WGAN-GP</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="55" />
        <source>non-saturating + R1</source>
        <translation>비포화 + R1</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="58" />
        <source>minimax: G minimises log(1 − D(G(z))) (its gradient vanishes when D is sure); non-saturating: G maximises log D(G(z)); least squares: squared distances to 1 and 0; WGAN-GP: a critic with a gradient penalty; R1: a penalty on D's slope at real samples.</source>
        <translation>미니맥스: G가 log(1 − D(G(z)))를 최소화합니다(D가 확신하면 기울기가 사라짐). 비포화: G가 log D(G(z))를 최대화합니다. 최소 제곱: 1과 0까지의 거리의 제곱. WGAN-GP: 기울기 페널티가 있는 비평자(critic). R1: 실제 샘플에서 D의 기울기에 주는 페널티.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="74" />
        <source>{0} steps/s</source>
        <translation>초당 {0}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="74" />
        <source>full speed</source>
        <translation>최고 속도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="76" />
        <source>Slow the run down to watch single steps, or let it run as fast as it can.</source>
        <translation>한 걸음씩 보려면 실행을 늦추고, 아니면 최대한 빠르게 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="78" />
        <source>D's learning rate (Adam).</source>
        <translation>D의 학습률(Adam).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="78" />
        <source>G's learning rate (Adam).</source>
        <translation>G의 학습률(Adam).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="79" />
        <source>R1's γ or WGAN-GP's λ: how strongly D's slope is held down.</source>
        <translation>R1의 γ 또는 WGAN-GP의 λ: D의 기울기를 얼마나 강하게 억누르는지.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="80" />
        <source>Adam's β1 (momentum); 0.5 or 0 is usual for GANs.</source>
        <translation>Adam의 β1(모멘텀). GAN에서는 보통 0.5나 0을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="81" />
        <source>How many D updates before each G update.</source>
        <translation>G를 한 번 갱신하기 전에 D를 몇 번 갱신할지.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="82" />
        <source>Hidden units per layer, in G and in D.</source>
        <translation>G와 D의 층마다 은닉 유닛 수.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="83" />
        <source>Hidden layers, in G and in D.</source>
        <translation>G와 D의 은닉층 수.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="84" />
        <source>Samples per update.</source>
        <translation>갱신 한 번에 쓰는 샘플 수.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="85" />
        <source>The noise dimension (z); the z-grid shows its first two.</source>
        <translation>노이즈(z)의 차원. z-격자는 처음 두 차원을 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="86" />
        <source>G updates in a run; late in a run the learning rates fall.</source>
        <translation>한 번 실행할 때 G 갱신 횟수. 실행 후반에는 학습률이 줄어듭니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="87" />
        <source>Starting weights and random numbers: the same seed repeats the same run.</source>
        <translation>초기 가중치와 난수: 같은 시드는 같은 실행을 되풀이합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="94" />
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="96" />
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="98" />
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="100" />
        <source>lr D</source>
        <translation>D 학습률</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="100" />
        <source>lr G</source>
        <translation>G 학습률</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="101" />
        <source>D steps</source>
        <translation>D 단계 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="101" />
        <source>γ / λ</source>
        <translation>γ / λ</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="102" />
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="102" />
        <source>Depth</source>
        <translation>깊이</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="103" />
        <source>Batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="103" />
        <source>z dim</source>
        <translation>z 차원</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="104" />
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="104" />
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="105" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_controls.py" line="105" />
        <source>Speed</source>
        <translation>속도</translation>
    </message>
</context>
<context>
    <name>Lab2DFiles</name>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="35" />
        <source>Loaded {0} points from {1}</source>
        <translation>{1}에서 점 {0}개를 불러왔습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="39" />
        <source>Load points</source>
        <translation>점 불러오기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="40" />
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="46" />
        <source>Points (*.npy *.csv *.txt)</source>
        <translation>점 (*.npy *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="45" />
        <source>Save points</source>
        <translation>점 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="52" />
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="71" />
        <source>Could not save {0}: {1}</source>
        <translation>{0}을(를) 저장할 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="54" />
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="60" />
        <source>green: real samples · purple: generated · dark line: D = 0.5 · short lines: G's pull</source>
        <translation>초록: 실제 샘플 · 보라: 생성 샘플 · 어두운 선: D = 0.5 · 짧은 선: G를 당기는 힘</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_files.py" line="74" />
        <source>Saved {0} and {1}</source>
        <translation>{0}과(와) {1} 저장함</translation>
    </message>
</context>
<context>
    <name>Lab2DPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="81" />
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="81" />
        <source>Train continuously (D steps, then a G step, ...).</source>
        <translation>계속 학습합니다(D 단계, 그다음 G 단계, ...).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="83" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="83" />
        <source>Hold the run after the current step.</source>
        <translation>지금 단계가 끝나면 실행을 멈춥니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="84" />
        <source>D step</source>
        <translation>D 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="84" />
        <source>One update of D only: watch the heat map move.</source>
        <translation>D만 한 번 갱신합니다: 히트맵이 움직이는 것을 보세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="86" />
        <source>G step</source>
        <translation>G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="86" />
        <source>One update of G only: watch the samples follow the arrows.</source>
        <translation>G만 한 번 갱신합니다: 샘플이 화살표를 따라가는 것을 보세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="88" />
        <source>D + G step</source>
        <translation>D + G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="88" />
        <source>D's steps then one G step.</source>
        <translation>D 단계들 다음에 G 한 단계.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="90" />
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="90" />
        <source>Throw this run away; the settings can be changed again.</source>
        <translation>이 실행을 버립니다. 설정을 다시 바꿀 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="92" />
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="94" />
        <source>Click and drag on the plane to paint the target's points.</source>
        <translation>평면을 클릭하고 끌어서 목표의 점을 그립니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="96" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="96" />
        <source>Remove every drawn point.</source>
        <translation>그린 점을 모두 지웁니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="98" />
        <source>Load…</source>
        <translation>불러오기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="98" />
        <source>Read points from a .npy or x,y text file.</source>
        <translation>.npy 파일이나 x,y 텍스트 파일에서 점을 읽습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="100" />
        <source>Save…</source>
        <translation>저장…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="100" />
        <source>Write the drawn points to a .npy or .csv file.</source>
        <translation>그린 점을 .npy 또는 .csv 파일로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="110" />
        <source>D's heat map</source>
        <translation>D의 히트맵</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="110" />
        <source>Real</source>
        <translation>실제</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="110" />
        <source>Generated</source>
        <translation>생성</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="111" />
        <source>G's pull</source>
        <translation>G를 당기는 힘</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="111" />
        <source>z-grid under G</source>
        <translation>G가 옮긴 z-격자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="156" />
        <source>This run diverged; press Reset to start again.</source>
        <translation>이 실행은 발산했습니다. 다시 시작하려면 초기화를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="162" />
        <source>Cannot start: {0}.</source>
        <translation>시작할 수 없습니다: {0}.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="260" />
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="261" />
        <source>The run diverged at step {0} ({1}) and was stopped; press Reset.</source>
        <translation>실행이 {0}단계에서 발산하여({1}) 멈췄습니다. 초기화를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="267" />
        <source>That step failed: {0}</source>
        <translation>그 스텝이 실패했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="269" />
        <source>Done: {0} steps in {1:.1f} s.</source>
        <translation>완료: {0}단계, {1:.1f}초.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="314" />
        <source>Step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="317" />
        <source>{0}/{1} modes, {2:.1f}% high quality</source>
        <translation>모드 {0}/{1}개, 고품질 {2:.1f}%</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="320" />
        <source>D loss {0:.3f}, G loss {1:.3f}</source>
        <translation>D 손실 {0:.3f}, G 손실 {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="322" />
        <source>{0} points drawn</source>
        <translation>점 {0}개 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_panel.py" line="351" />
        <source>&lt;h3&gt;The 2-D lab&lt;/h3&gt;&lt;p&gt;Real samples (green) come from a target in the plane; G turns noise z into points (purple). The background is D's answer at each place: green where it says “real”, purple where it says “generated”; the dark line is 0.5, where D cannot tell. The short lines show where G's loss pulls each generated point.&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;D step&lt;/b&gt; to watch the surface move, &lt;b&gt;G step&lt;/b&gt; to watch the points follow it, &lt;b&gt;Play&lt;/b&gt; to train. The plots count the &lt;b&gt;modes covered&lt;/b&gt; (at least 12 of 2,500 samples within 3 std of a mode) and the share of &lt;b&gt;high-quality&lt;/b&gt; samples, so mode collapse is seen, not guessed. Try the presets: “Mode collapse”, then “Fixed”.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;2차원 실험실&lt;/h3&gt;&lt;p&gt;실제 샘플(초록)은 평면 위의 목표에서 나오고, G는 노이즈 z를 점(보라)으로 바꿉니다. 배경은 각 위치에서 D가 내놓는 답입니다: “실제”라고 하는 곳은 초록, “생성”이라고 하는 곳은 보라이며, 어두운 선은 D가 구별하지 못하는 0.5입니다. 짧은 선은 G의 손실이 각 생성 점을 당기는 방향입니다.&lt;/p&gt;&lt;p&gt;&lt;b&gt;D 한 단계&lt;/b&gt;를 누르면 표면이 움직이고, &lt;b&gt;G 한 단계&lt;/b&gt;를 누르면 점이 그 표면을 따라갑니다. &lt;b&gt;재생&lt;/b&gt;을 누르면 학습합니다. 그래프는 &lt;b&gt;덮은 모드&lt;/b&gt;(샘플 2,500개 중 12개 이상이 모드의 표준편차 3배 안에 있음)와 &lt;b&gt;고품질&lt;/b&gt; 샘플의 비율을 세므로, 모드 붕괴를 짐작이 아니라 눈으로 봅니다. 프리셋 “모드 붕괴”를 먼저, 그다음 “해결됨”을 해 보세요.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Lab2DPlots</name>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="25" />
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="29" />
        <source>modes covered</source>
        <translation>덮은 모드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="30" />
        <source>high quality</source>
        <translation>고품질</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="31" />
        <source>D loss</source>
        <translation>D 손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="32" />
        <source>G loss</source>
        <translation>G 손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="37" />
        <source>Blue: the share of the target's modes that G covers (at least 12 of 2,500 samples within 3 std of the mode). Green: the share of G's samples within 3 std of some mode.</source>
        <translation>파란색: G가 덮는 목표 모드의 비율(샘플 2,500개 중 12개 이상이 모드 중심에서 표준편차 3배 안에 있을 때). 초록색: 어떤 모드의 표준편차 3배 안에 있는 G 샘플의 비율.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/lab2d/lab2d_plots.py" line="40" />
        <source>D's and G's losses after each measured step.</source>
        <translation>측정한 단계마다 D와 G의 손실.</translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="66" />
        <source>Direction from labels</source>
        <translation>레이블로 방향 만들기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="73" />
        <source>Click a picture once if it has the property (green), twice if it hasn't (red), a third time to unmark it. Keys: arrows move, 1 or H = has it, 0 or N = hasn't, Space = unmark. Fit needs at least {0} of each.</source>
        <translation>그림이 그 성질을 가지면 한 번(초록), 가지지 않으면 두 번(빨강) 누르고, 세 번째로 누르면 표시가 지워집니다. 키: 화살표로 이동, 1 또는 H = 있음, 0 또는 N = 없음, Space = 표시 지우기. 맞추려면 각각 {0}개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="82" />
        <source>New pictures</source>
        <translation>새 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="89" />
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="200" />
        <source>labels</source>
        <translation>레이블</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="91" />
        <source>all layers</source>
        <translation>모든 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="91" />
        <source>coarse</source>
        <translation>거친 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="91" />
        <source>middle</source>
        <translation>중간 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="92" />
        <source>fine</source>
        <translation>세밀한 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="94" />
        <source>{0} (w {1}–{2})</source>
        <translation>{0} (w {1}–{2})</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="95" />
        <source>Hold the other active directions fixed (project them out)</source>
        <translation>다른 활성 방향은 고정 (투영해서 빼기)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="96" />
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="97" />
        <source>Acts on</source>
        <translation>작용하는 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="101" />
        <source>Fit</source>
        <translation>맞추기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="109" />
        <source>Move the explored picture along the new direction, in its σ (+ = more of the property)</source>
        <translation>탐색 중인 그림을 새 방향을 따라 σ 단위로 옮깁니다 (+ = 그 성질이 더 많이)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="118" />
        <source>Add to Explore</source>
        <translation>탐색 탭에 추가</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="120" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="144" />
        <source>seed {0}</source>
        <translation>시드 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="165" />
        <source>has it: {0} · hasn't: {1}</source>
        <translation>있음: {0} · 없음: {1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="180" />
        <source>Fitting…</source>
        <translation>맞추는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="206" />
        <source>Added “{0}” to the Explore tab.</source>
        <translation>“{0}”을(를) 탐색 탭에 추가했습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="207" />
        <source>Kept “{0}” for Compare directions (this Explore tab cannot hold direction sets yet).</source>
        <translation>“{0}”을(를) 방향 비교용으로 보관했습니다 (이 탐색 탭은 아직 방향 세트를 담을 수 없습니다).</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/directions/label_dialog.py" line="221" />
        <source>Held-out accuracy {0:.0%} ({1} labels; chance is about {2:.0%}); σ = {3:.3g}</source>
        <translation>맞추는 데 쓰지 않은 레이블의 정확도 {0:.0%} (레이블 {1}개, 우연 수준은 약 {2:.0%}), σ = {3:.3g}</translation>
    </message>
</context>
<context>
    <name>LayerRange</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/layer_range.py" line="21" />
        <source>First w layer of the range (0 = the coarsest, 4²)</source>
        <translation>범위의 첫 w 층 (0 = 가장 거친 층, 4²)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/layer_range.py" line="22" />
        <source>End of the range: layers a, a+1, …, b−1 are affected (b itself is not)</source>
        <translation>범위의 끝: 층 a, a+1, …, b−1에 적용됩니다(b 자체는 제외)</translation>
    </message>
</context>
<context>
    <name>LayersPage</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="212" />
        <source>Which layer's output (feature maps) to show</source>
        <translation>출력(특징 맵)을 볼 층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="216" />
        <source>The first of the 16 channels shown</source>
        <translation>표시할 16개 채널 중 첫 번째</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="217" />
        <source>Normalise each channel</source>
        <translation>채널마다 정규화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="218" />
        <source>On: each map stretched to its own darkest–brightest; off: one scale for all (grey = 0). Switched-off channels are black either way</source>
        <translation>켜기: 맵마다 가장 어두운 값–가장 밝은 값으로 늘림. 끄기: 모두 같은 척도 (회색 = 0). 꺼진 채널은 어느 쪽이든 검게 표시됩니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="221" />
        <source>e.g. 0-7,12</source>
        <translation>예: 0-7,12</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="222" />
        <source>Channels of the selected layer to set to zero (ablation), e.g. 0-7,12; press Enter. Each layer keeps its own list; clear the field to switch that layer's channels back on</source>
        <translation>선택한 층에서 0으로 설정할(끌) 채널입니다. 예: 0-7,12. 입력 후 Enter를 누르세요. 층마다 자체 목록을 유지하며, 칸을 비우면 그 층의 채널이 다시 켜집니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="228" />
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="230" />
        <source>First channel</source>
        <translation>첫 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="232" />
        <source>Switch off channels</source>
        <translation>끌 채널</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="263" />
        <source>Switched off: {0}</source>
        <translation>꺼짐: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="264" />
        <source>No channels switched off.</source>
        <translation>꺼진 채널이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="268" />
        <source>{0} channels in this layer; showing {1}–{2}</source>
        <translation>이 층의 채널 {0}개 중 {1}–{2} 표시</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="270" />
        <source>channels {0} switched off (black)</source>
        <translation>채널 {0} 꺼짐 (검정)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="295" />
        <source>Channels to switch off must look like 0-7,12</source>
        <translation>끌 채널은 0-7,12 같은 형식이어야 합니다</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="144" />
        <source>Licences</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="155" />
        <source>{0} is missing from this copy of ganexplorer.</source>
        <translation>이 ganexplorer에는 {0} 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="157" />
        <source>Close</source>
        <translation>닫기</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="106" />
        <source>Explore</source>
        <translation>탐색</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="112" />
        <source>Train</source>
        <translation>학습</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="117" />
        <source>1-D demo</source>
        <translation>1차원 데모</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="122" />
        <source>2-D lab</source>
        <translation>2차원 실험실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="129" />
        <source>Ready</source>
        <translation>준비됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="152" />
        <source>Something went wrong ({0}); the window goes on. Details: Help ▸ Show log folder.</source>
        <translation>문제가 발생했습니다({0}). 창은 계속 사용할 수 있습니다. 자세한 내용: 도움말 ▸ 로그 폴더 열기.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="173" />
        <source>Open checkpoint</source>
        <translation>체크포인트 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="174" />
        <source>Checkpoints (*.pkl *.pt *.pth *.ckpt *.safetensors);;All files (*)</source>
        <translation>체크포인트 (*.pkl *.pt *.pth *.ckpt *.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="192" />
        <location filename="../../ganexplorer/gui/window/main_window.py" line="194" />
        <source>Loading {0}…</source>
        <translation>{0} 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="194" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="212" />
        <source>Loading cancelled; the previous model stays loaded.</source>
        <translation>불러오기를 취소했습니다. 이전 모델을 계속 사용합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="229" />
        <source>Building the fused GPU ops (first use, up to a minute); the reference ops are used if that fails…</source>
        <translation>융합 GPU 연산을 빌드하는 중입니다 (처음 한 번, 최대 1분). 실패하면 기준 연산을 사용합니다…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="256" />
        <source>Loaded {0}</source>
        <translation>{0} 불러옴</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/main_window.py" line="267" />
        <source>Could not open the checkpoint</source>
        <translation>체크포인트를 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>MixingGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="189" />
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="213" />
        <source>Style mixing</source>
        <translation>스타일 믹싱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="191" />
        <source>Take layers from a second seed</source>
        <translation>두 번째 시드에서 층 가져오기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="193" />
        <source>Style mixing: the layers [a, b) use the w of the mix seed instead of this seed's</source>
        <translation>스타일 믹싱: 층 [a, b)에 이 시드 대신 믹스 시드의 w를 사용합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="195" />
        <source>The seed whose styles are copied into the chosen layers</source>
        <translation>선택한 층에 스타일을 복사해 줄 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="202" />
        <source>Mix seed</source>
        <translation>믹스 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="203" />
        <source>Layers [a, b)</source>
        <translation>층 [a, b)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="213" />
        <source>StyleGAN2 only</source>
        <translation>StyleGAN2 전용</translation>
    </message>
</context>
<context>
    <name>NoiseGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="141" />
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="165" />
        <source>Noise</source>
        <translation>노이즈</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="144" />
        <source>const (stored)</source>
        <translation>고정 (저장된 값)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="144" />
        <source>random</source>
        <translation>무작위</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="145" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="147" />
        <source>StyleGAN2 adds per-pixel noise in every layer for stochastic detail: 'const' uses the noise stored in the file (reproducible), 'random' draws new noise from the noise seed, 'none' switches it off</source>
        <translation>StyleGAN2는 확률적 세부 표현을 위해 모든 층에 픽셀별 노이즈를 더합니다. '고정'은 파일에 저장된 노이즈를 쓰고(재현 가능), '무작위'는 노이즈 시드로 새 노이즈를 뽑으며, '없음'은 노이즈를 끕니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="150" />
        <source>Multiplies the noise the network adds: 0× = no noise, 1× = as trained</source>
        <translation>신경망이 더하는 노이즈에 곱하는 값: 0× = 노이즈 없음, 1× = 학습된 그대로</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="152" />
        <source>Which random noise to draw in 'random' mode: change it to see what noise alone changes (hair strands, texture) while the picture's content stays</source>
        <translation>'무작위' 모드에서 뽑을 무작위 노이즈. 바꿔 보면 그림의 내용은 그대로인 채 노이즈만으로 무엇이 바뀌는지(머리카락 가닥, 질감) 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="153" />
        <source>Mode</source>
        <translation>모드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="154" />
        <source>Strength</source>
        <translation>강도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="155" />
        <source>Noise seed</source>
        <translation>노이즈 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="165" />
        <source>StyleGAN2 only</source>
        <translation>StyleGAN2 전용</translation>
    </message>
</context>
<context>
    <name>PadGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="221" />
        <source>Seed grid (drag to blend w)</source>
        <translation>시드 격자 (끌어서 w 섞기)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="224" />
        <source>Each dot is a seed. Drag between dots: the picture's w is the weighted average of the four nearest seeds' ws, so you see how the generator fills the space between them</source>
        <translation>각 점은 시드입니다. 점 사이를 끌어 보세요. 그림의 w는 가장 가까운 시드 네 개의 w를 가중 평균한 것이므로, 생성자가 시드 사이의 공간을 어떻게 채우는지 볼 수 있습니다</translation>
    </message>
</context>
<context>
    <name>ProblemReporter</name>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="63" />
        <source>Copy &amp;system info</source>
        <translation>시스템 정보 복사(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="64" />
        <source>Copy the app, system, PyTorch, Qt and device versions, for a bug report</source>
        <translation>버그 보고용으로 앱, 시스템, PyTorch, Qt, 장치 버전을 복사합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="66" />
        <source>&amp;Report a problem…</source>
        <translation>문제 보고(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="67" />
        <source>Open the project's issue page with the system information filled in</source>
        <translation>시스템 정보가 채워진 프로젝트 이슈 페이지를 엽니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="93" />
        <source>System information copied: paste it into your report.</source>
        <translation>시스템 정보를 복사했습니다. 보고서에 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="101" />
        <source>What I did, what I expected, what happened:</source>
        <translation>한 일, 기대한 결과, 실제로 일어난 일:</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="102" />
        <source>System information:</source>
        <translation>시스템 정보:</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="103" />
        <source>Problem: </source>
        <translation>문제: </translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="104" />
        <source>the person who gave you ganexplorer</source>
        <translation>ganexplorer를 준 사람</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="106" />
        <source>Your browser shows the project's issue page with the system information filled in. If this computer is offline, the same text is on the clipboard: send it later to {0}, with the log file {1}.</source>
        <translation>브라우저에 시스템 정보가 채워진 프로젝트 이슈 페이지가 열렸습니다. 이 컴퓨터가 오프라인이면 같은 내용이 클립보드에 있으니, 나중에 로그 파일 {1}과 함께 {0}(으)로 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="110" />
        <source>No web browser could be opened. The system information is on the clipboard: send it to {0}, with what happened and the log file {1}.</source>
        <translation>웹 브라우저를 열 수 없습니다. 시스템 정보가 클립보드에 있으니, 일어난 일과 로그 파일 {1}과 함께 {0}(으)로 보내 주세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="113" />
        <source>Report a problem</source>
        <translation>문제 보고</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="122" />
        <source>ganexplorer {0}: see and teach Generative Adversarial Networks.</source>
        <translation>ganexplorer {0}: 생성적 적대 신경망(GAN)을 보고 가르칩니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="123" />
        <source>Licensed under the MIT licence. ganexplorer includes Qt (LGPL-3.0), PyTorch, NumPy, Pillow, pyqtgraph and other open-source software under their own licences: see Licences.</source>
        <translation>MIT 라이선스로 배포됩니다. ganexplorer에는 각자의 라이선스를 따르는 Qt(LGPL-3.0), PyTorch, NumPy, Pillow, pyqtgraph 등 오픈 소스 소프트웨어가 포함되어 있습니다. 라이선스를 참고하세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="126" />
        <source>About ganexplorer</source>
        <translation>ganexplorer 정보</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/system_info.py" line="128" />
        <source>&amp;Licences…</source>
        <translation>라이선스(&amp;L)…</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="42" />
        <source>Project image</source>
        <translation>이미지 투영</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="56" />
        <source>Open a picture
or draw one</source>
        <translation>그림을 열거나
직접 그리세요</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="62" />
        <source>distance</source>
        <translation>거리</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="63" />
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="71" />
        <source>w: one vector, stays editable</source>
        <translation>w: 벡터 하나, 계속 편집할 수 있음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="72" />
        <source>w+: one per layer, closer, less editable</source>
        <translation>w+: 층마다 하나, 더 가깝지만 편집하기 어려움</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="74" />
        <source>z: this model's only latent</source>
        <translation>z: 이 모델의 유일한 잠재 공간</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="80" />
        <source>Optimise noise too</source>
        <translation>잡음도 최적화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="83" />
        <source>try each class</source>
        <translation>클래스마다 시도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="87" />
        <source>Open picture…</source>
        <translation>그림 열기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="89" />
        <source>Draw</source>
        <translation>그리기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="93" />
        <source>Clear</source>
        <translation>지우기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="96" />
        <source>Project</source>
        <translation>투영</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="99" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="106" />
        <source>Target</source>
        <translation>목표</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="107" />
        <source>The generator's attempt</source>
        <translation>생성자의 시도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="112" />
        <source>Space</source>
        <translation>공간</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="112" />
        <source>Steps</source>
        <translation>스텝</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="131" />
        <source>Open a picture to project</source>
        <translation>투영할 그림 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="132" />
        <source>Pictures (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>그림 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="153" />
        <source>the drawing</source>
        <translation>그린 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="196" />
        <source>Cancelled: the picture is as it was.</source>
        <translation>취소했습니다: 그림은 그대로입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="200" />
        <source>Starting from the mean w…</source>
        <translation>평균 w에서 시작합니다…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="201" />
        <source>Starting from z = 0…</source>
        <translation>z = 0에서 시작합니다…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="217" />
        <source>trying class {0} ({1} of {2}): step {3} of {4}</source>
        <translation>클래스 {0} 시도 중 ({2}개 중 {1}번째): {4} 스텝 중 {3}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="220" />
        <source>, distance {0:.4f}</source>
        <translation>, 거리 {0:.4f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="222" />
        <source>step {0} of {1}, distance {2:.4f}</source>
        <translation>스텝 {0} / {1}, 거리 {2:.4f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="223" />
        <source>step 0 of {0}</source>
        <translation>스텝 0 / {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="226" />
        <source>Class {0} fits best after {1} steps each (distance {2:.4f}; the next best, class {3}, {4:.4f}): finishing it.</source>
        <translation>클래스마다 {1} 스텝씩 해 보니 클래스 {0}이(가) 가장 잘 맞습니다 (거리 {2:.4f}, 그다음은 클래스 {3}, {4:.4f}). 이 클래스로 끝까지 진행합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="229" />
        <source>, PSNR {0:.1f} dB</source>
        <translation>, PSNR {0:.1f} dB</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="245" />
        <source>w (one vector for every layer)</source>
        <translation>w (모든 층에 벡터 하나)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="245" />
        <source>w+ (one vector per layer)</source>
        <translation>w+ (층마다 벡터 하나)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="246" />
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="247" />
        <source>, class {0}</source>
        <translation>, 클래스 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="249" />
        <source>, class {0} (the best of the {1} classes tried)</source>
        <translation>, 클래스 {0} (시도한 {1}개 클래스 중 가장 가까움)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="250" />
        <source>Done: the picture now starts from the projected {0}{1}; every slider works on it. PSNR {2:.1f} dB.</source>
        <translation>완료: 이제 그림은 투영된 {0}{1}에서 시작하며 모든 슬라이더가 그 위에서 움직입니다. PSNR {2:.1f} dB.</translation>
    </message>
</context>
<context>
    <name>SeedGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="42" />
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="46" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="45" />
        <source>The seed picks the random vector z the picture starts from (as NVIDIA's generate.py does): the same seed always gives the same picture. Arrows: previous / next seed; die: a random one.</source>
        <translation>시드는 그림의 출발점인 무작위 벡터 z를 정합니다(NVIDIA의 generate.py와 같은 방식). 같은 시드는 항상 같은 그림을 냅니다. 화살표: 이전 / 다음 시드, 주사위: 무작위 시드.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="49" />
        <source>Which class a conditional generator should draw (e.g. which digit); the seed still picks the style</source>
        <translation>조건부 생성자가 그릴 클래스(예: 어떤 숫자). 스타일은 여전히 시드가 정합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="50" />
        <source>Class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="52" />
        <source>Force fp32</source>
        <translation>fp32 강제</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="55" />
        <source>Run the layers a checkpoint marks as fp16 in float32 (GPU only; the CPU always uses float32)</source>
        <translation>체크포인트가 fp16으로 표시한 층을 float32로 실행합니다 (GPU 전용, CPU는 항상 float32 사용)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="56" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="73" />
        <source>class {0}</source>
        <translation>클래스 {0}</translation>
    </message>
</context>
<context>
    <name>SeedPad</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/seed_pad.py" line="27" />
        <source>Drag to blend the w of the four nearest seeds</source>
        <translation>끌어서 가장 가까운 시드 네 개의 w를 섞습니다</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ganexplorer/gui/window/startup.py" line="69" />
        <source>ganexplorer could not start: {0}

The details are in the log file {1}. Help with this comes quickest if you send that file with your report.</source>
        <translation>ganexplorer를 시작할 수 없습니다: {0}

자세한 내용은 로그 파일 {1}에 있습니다. 보고할 때 이 파일을 함께 보내 주시면 가장 빨리 도움을 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/startup.py" line="73" />
        <source>ganexplorer could not start</source>
        <translation>ganexplorer를 시작할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>StateBinding</name>
    </context>
<context>
    <name>TrainControls</name>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="20" />
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="20" />
        <source>Start a new run in a new folder with these settings</source>
        <translation>이 설정으로 새 폴더에서 새 실행을 시작합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="21" />
        <source>Resume…</source>
        <translation>재개…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="22" />
        <source>Continue a saved run: pick its last.safetensors; it goes on in the same folder from the step it stopped at</source>
        <translation>저장된 실행 이어 하기: 해당 last.safetensors를 선택하면 같은 폴더에서 멈췄던 단계부터 계속합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="24" />
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="70" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="25" />
        <source>Hold training between two steps (then step it by hand); press again to continue</source>
        <translation>두 단계 사이에서 학습을 멈춥니다(그다음 직접 한 단계씩 진행). 다시 누르면 계속합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="26" />
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="26" />
        <source>End the run and save it in its run folder</source>
        <translation>실행을 끝내고 실행 폴더에 저장합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="27" />
        <source>One D step</source>
        <translation>D 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="28" />
        <source>While paused: one discriminator update. Watch D(x) rise and D(G(z)) fall</source>
        <translation>일시 정지 중: 판별자를 한 번 업데이트합니다. D(x)가 오르고 D(G(z))가 내려가는 것을 보세요</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="29" />
        <source>One G step</source>
        <translation>G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="30" />
        <source>While paused: one generator update. Watch D(G(z)) rise: G fools D a little more</source>
        <translation>일시 정지 중: 생성자를 한 번 업데이트합니다. D(G(z))가 오르는 것을 보세요. G가 D를 조금 더 속입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="31" />
        <source>Open in explorer</source>
        <translation>탐색 탭에서 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="32" />
        <source>Look at the generator as it is now in the Explore tab</source>
        <translation>현재 상태의 생성자를 탐색 탭에서 봅니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="33" />
        <source>Smooth the curves (moving average)</source>
        <translation>곡선 다듬기 (이동 평균)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="35" />
        <source>Show an exponential moving average (about 10 steps) over the faint raw values, so the trend is visible through the step-to-step noise</source>
        <translation>흐리게 보이는 원래 값 위에 지수 이동 평균(약 10단계)을 함께 보여 주어, 단계마다의 잡음 속에서도 추세가 보이게 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="37" />
        <source>Not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="38" />
        <source>Training steps done, epochs (passes over the data) and speed</source>
        <translation>완료한 학습 단계, 에포크(데이터를 한 번 훑는 횟수), 속도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="41" />
        <source>What the last single step changed; its point is ringed on the D(x) / D(G(z)) plot</source>
        <translation>마지막 한 단계가 바꾼 것입니다. 그 점은 D(x) / D(G(z)) 그래프에 동그라미로 표시됩니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="43" />
        <source>Run folder: (made when you press Start)</source>
        <translation>실행 폴더: (시작을 누르면 만들어짐)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_controls.py" line="70" />
        <source>Continue</source>
        <translation>계속</translation>
    </message>
</context>
<context>
    <name>TrainPanel</name>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="297" />
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="300" />
        <source>Not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="191" />
        <source>Resume a training run</source>
        <translation>학습 실행 재개</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="192" />
        <source>Training checkpoints (*.safetensors);;All files (*)</source>
        <translation>학습 체크포인트 (*.safetensors);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="244" />
        <source>One D step</source>
        <translation>D 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="244" />
        <source>One G step</source>
        <translation>G 한 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="245" />
        <source>{0} (step {1}): D(x) {2:.3f} → {3:.3f}, D(G(z)) {4:.3f} → {5:.3f}</source>
        <translation>{0} (단계 {1}): D(x) {2:.3f} → {3:.3f}, D(G(z)) {4:.3f} → {5:.3f}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="255" />
        <source>run {0}</source>
        <translation>실행 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="257" />
        <source>saved as {0}</source>
        <translation>{0}(으)로 저장됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="270" />
        <source>That step failed: {0}</source>
        <translation>그 스텝이 실패했습니다: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="273" />
        <source>'{0}' was trained as {1}, which this version cannot train</source>
        <translation>'{0}'은(는) 이 버전에서 학습할 수 없는 {1}(으)로 학습되었습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="274" />
        <source>The run is already at step {0}; raise “Stop at step” to go on</source>
        <translation>실행이 이미 {0}단계에 있습니다. 계속하려면 “정지할 단계”를 높이세요</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="303" />
        <source>preparing…</source>
        <translation>준비 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="275" />
        <source>Preparing {0} on {1}…</source>
        <translation>{1}(으)로 {0} 준비 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="232" />
        <source>Run folder: {0}</source>
        <translation>실행 폴더: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="233" />
        <source>Run folder: none (not saving)</source>
        <translation>실행 폴더: 없음 (저장 안 함)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="277" />
        <source>Resuming {0} on {1} at step {2}</source>
        <translation>{1}로 {0} 학습을 {2}단계부터 재개하는 중</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="301" />
        <source>preparing: opening {0}…</source>
        <translation>준비 중: {0} 여는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="302" />
        <source>preparing: building {0}…</source>
        <translation>준비 중: {0} 만드는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="279" />
        <source>Training stopped at step {0}: a loss became NaN or infinite; the last good checkpoint is kept</source>
        <translation>스텝 {0}에서 훈련이 멈췄습니다: 손실이 NaN 또는 무한대가 되었습니다. 마지막 정상 체크포인트는 그대로 보존됩니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="281" />
        <source>Finished at step {0}; saved in {1}</source>
        <translation>{0}단계에서 완료; {1}에 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="282" />
        <source>Finished at step {0}</source>
        <translation>{0}단계에서 완료</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="284" />
        <source>Stopped at step {0}</source>
        <translation>스텝 {0}에서 중지됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="285" />
        <source>Stopped before training began</source>
        <translation>훈련이 시작되기 전에 중지됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="307" />
        <source>finished at step {0}</source>
        <translation>{0}단계에서 완료</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="307" />
        <source>stopped at step {0}</source>
        <translation>{0}단계에서 정지됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="305" />
        <source>paused at step {0}</source>
        <translation>{0}단계에서 일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="295" />
        <source>epoch {0}</source>
        <translation>에포크 {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="311" />
        <source>step {0} · epoch {1} · measuring speed…</source>
        <translation>{0}단계 · 에포크 {1} · 속도 측정 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="349" />
        <source>&lt;h3&gt;Train: watch a GAN learn&lt;/h3&gt;&lt;p&gt;Press &lt;b&gt;Start&lt;/b&gt;. Two networks train against each other: the generator G turns random noise into pictures, the discriminator D tries to tell them from the real ones.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Losses&lt;/b&gt;: D's and G's. They do not both go down; a steady tug of war is healthy.&lt;/li&gt;&lt;li&gt;&lt;b&gt;D(x) and D(G(z))&lt;/b&gt;: how real D thinks the real and the generated pictures are. They move towards the dashed 0.5 line when D can no longer tell them apart.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Generated&lt;/b&gt;: the same 64 noise vectors drawn again every few steps: blobs, then strokes, then digits. Drag the slider below to go back in time.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Digits recognised&lt;/b&gt;: a digit classifier labels 200 samples; only confident labels count. Few classes means mode collapse.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Pause&lt;/b&gt;, then &lt;b&gt;One D step&lt;/b&gt; / &lt;b&gt;One G step&lt;/b&gt;, to see one update at a time. Every run is saved in its own folder; &lt;b&gt;Resume…&lt;/b&gt; continues one.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;학습: GAN이 배우는 과정 보기&lt;/h3&gt;&lt;p&gt;&lt;b&gt;시작&lt;/b&gt;을 누르세요. 두 신경망이 서로 맞서며 학습합니다. 생성자 G는 무작위 노이즈를 그림으로 바꾸고, 판별자 D는 그 그림을 실제 그림과 구별하려 합니다.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;손실&lt;/b&gt;: D와 G의 손실입니다. 둘이 함께 내려가지는 않습니다. 꾸준한 줄다리기가 건강한 상태입니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;D(x)와 D(G(z))&lt;/b&gt;: D가 실제 그림과 생성된 그림을 각각 얼마나 실제라고 보는지입니다. D가 더는 둘을 구별하지 못하면 점선 0.5 쪽으로 다가갑니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;생성 결과&lt;/b&gt;: 같은 노이즈 벡터 64개로 몇 단계마다 다시 그린 그림입니다. 얼룩, 그다음 획, 그다음 숫자가 나타납니다. 아래 슬라이더를 끌면 과거로 돌아갈 수 있습니다.&lt;/li&gt;&lt;li&gt;&lt;b&gt;인식된 숫자&lt;/b&gt;: 숫자 분류기가 샘플 200개에 레이블을 붙이며, 확신하는 레이블만 셉니다. 클래스가 적으면 모드 붕괴입니다.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;일시 정지&lt;/b&gt;한 다음 &lt;b&gt;D 한 단계&lt;/b&gt; / &lt;b&gt;G 한 단계&lt;/b&gt;를 누르면 업데이트를 하나씩 볼 수 있습니다. 실행마다 자체 폴더에 저장되며, &lt;b&gt;재개…&lt;/b&gt;로 이어서 학습할 수 있습니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="276" />
        <source>Training {0} on {1}</source>
        <translation>{1}로 {0} 학습 중</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="253" />
        <source>snapshot at step {0}</source>
        <translation>{0}단계 스냅숏</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="278" />
        <source>Checkpoint written: {0}</source>
        <translation>체크포인트 저장: {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="283" />
        <source>Stopped at step {0}; saved {1}</source>
        <translation>{0}단계에서 정지; {1} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_panel.py" line="310" />
        <source>step {0} · epoch {1} · {2:.2f} steps/s</source>
        <translation>{0}단계 · 에포크 {1} · 초당 {2:.2f}단계</translation>
    </message>
</context>
<context>
    <name>TrainPlots</name>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="118" />
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="120" />
        <source>D's and G's losses. They do not fall together: each one's gain is the other's loss. Wild swings or one going to 0 mean trouble</source>
        <translation>D와 G의 손실입니다. 함께 떨어지지 않습니다. 한쪽의 이득이 다른 쪽의 손실이기 때문입니다. 크게 출렁이거나 한쪽이 0으로 가면 문제가 있는 것입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="122" />
        <source>D(x): D's average belief that real images are real. D(G(z)): its belief that generated ones are real. At the ideal end both sit at 0.5 (dashed): D can no longer tell</source>
        <translation>D(x): 실제 이미지를 실제라고 D가 믿는 평균 정도. D(G(z)): 생성된 이미지를 실제라고 믿는 정도. 이상적으로는 결국 둘 다 0.5(점선)에 머뭅니다. D가 더는 구별하지 못하는 것입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="128" />
        <source>class</source>
        <translation>클래스</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="132" />
        <source>A digit classifier labels 200 generated samples. Only samples it recognises confidently are counted; a GAN that has collapsed covers few classes</source>
        <translation>숫자 분류기가 생성된 샘플 200개에 레이블을 붙입니다. 확신을 가지고 인식한 샘플만 셉니다. 붕괴한 GAN은 적은 수의 클래스만 만듭니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="136" />
        <source>Class coverage appears for digit data.</source>
        <translation>숫자 데이터에서는 클래스 분포가 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="146" />
        <source>The generator's output for the same 64 noise vectors at every redraw, so you see the same samples change</source>
        <translation>다시 그릴 때마다 같은 노이즈 벡터 64개로 만든 생성자의 출력이므로, 같은 샘플이 변하는 모습을 볼 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="149" />
        <source>Training images, for comparison</source>
        <translation>비교용 학습 이미지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="153" />
        <source>Go back to an earlier sample grid of this run</source>
        <translation>이 실행의 이전 샘플 격자로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="158" />
        <source>Style mixing (moving-average G): rows take the coarse styles of the top row</source>
        <translation>스타일 믹싱 (이동 평균 G): 각 행이 맨 위 행의 거친 스타일을 받습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="164" />
        <source>Generated (fixed noise)</source>
        <translation>생성 결과 (고정 노이즈)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="165" />
        <source>Real</source>
        <translation>실제 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="224" />
        <source>step {0}: no confident samples yet</source>
        <translation>{0}단계: 아직 확신할 수 있는 샘플 없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="225" />
        <source>step {0}: {1} of 10 classes, {2:.0%} of {3} samples recognised, largest class {4:.0%}</source>
        <translation>{0}단계: 클래스 10개 중 {1}개, 샘플 {3}개 중 {2:.0%} 인식, 최대 클래스 {4:.0%}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="228" />
        <source> — recognisable digits</source>
        <translation> — 알아볼 수 있는 숫자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="235" />
        <source>step {0}</source>
        <translation>{0}단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="301" />
        <source>Losses</source>
        <translation>손실</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_plots.py" line="305" />
        <source>Digits recognised</source>
        <translation>인식된 숫자</translation>
    </message>
</context>
<context>
    <name>TrainSetupForm</name>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="51" />
        <source>Setup</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="66" />
        <source>digits after about a minute on a laptop</source>
        <translation>노트북에서 약 1분 뒤 숫자가 보입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="67" />
        <source>blurry digits after a few minutes on a laptop</source>
        <translation>노트북에서 몇 분 뒤 흐릿한 숫자가 보입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="68" />
        <source>slow on a laptop: a GPU helps</source>
        <translation>노트북에서는 느립니다: GPU가 있으면 좋습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="70" />
        <source>Quick demo — DCGAN 32² digits</source>
        <translation>빠른 데모 — DCGAN 32² 숫자</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="71" />
        <source>MLP GAN 28² (the lecture's)</source>
        <translation>MLP GAN 28² (강의용)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="72" />
        <source>MLP GAN 28² with BatchNorm</source>
        <translation>MLP GAN 28² (BatchNorm 포함)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="73" />
        <source>DCGAN 32²</source>
        <translation>DCGAN 32²</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="73" />
        <location filename="../../ganexplorer/gui/train/train_form.py" line="75" />
        <source>digits after a few minutes on a laptop</source>
        <translation>노트북에서 몇 분 뒤 숫자가 보입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="74" />
        <source>DCGAN 32², conditional (pick the digit)</source>
        <translation>DCGAN 32², 조건부 (숫자 선택)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="76" />
        <source>DCGAN 64² (PyTorch tutorial)</source>
        <translation>DCGAN 64² (PyTorch 튜토리얼)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="77" />
        <source>DCGAN 64², conditional</source>
        <translation>DCGAN 64², 조건부</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="78" />
        <source>DCGAN 128²</source>
        <translation>DCGAN 128²</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="78" />
        <source>needs a GPU</source>
        <translation>GPU가 필요합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="79" />
        <source>StyleGAN2 32²</source>
        <translation>StyleGAN2 32²</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="79" />
        <location filename="../../ganexplorer/gui/train/train_form.py" line="81" />
        <source>shapes appear after ~10 min on a laptop</source>
        <translation>노트북에서 약 10분 뒤 모양이 나타납니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="80" />
        <source>StyleGAN2 32², conditional</source>
        <translation>StyleGAN2 32², 조건부</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="82" />
        <source>StyleGAN2 64²</source>
        <translation>StyleGAN2 64²</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="82" />
        <source>hours on a laptop: a GPU helps</source>
        <translation>노트북에서 몇 시간 걸립니다: GPU가 있으면 좋습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="83" />
        <source>StyleGAN2 64², narrow (the bundled shapes model)</source>
        <translation>StyleGAN2 64², 좁은 모델 (함께 제공되는 도형 모델)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="84" />
        <source>about an hour on a laptop</source>
        <translation>노트북에서 약 1시간</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="101" />
        <source>What to expect from this model with the shipped digits on a laptop CPU</source>
        <translation>함께 제공되는 숫자 데이터로 노트북 CPU에서 이 모델에 기대할 수 있는 것</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="103" />
        <source>The network to train. “Quick demo” is a narrow DCGAN that draws recognisable digits within about a minute on a laptop; the others are the lecture's MLP and DCGAN layouts and small StyleGAN2s (slower).</source>
        <translation>학습할 신경망. “빠른 데모”는 노트북에서 1분 안팎에 알아볼 수 있는 숫자를 그리는 좁은 DCGAN입니다. 나머지는 강의의 MLP·DCGAN 구조와 작은 StyleGAN2(더 느림)입니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="108" />
        <source>What the discriminator sees as real: builtin:digits (shipped, works offline), mnist:FILE, quickdraw:FILE, cifar10:FOLDER or folder:FOLDER</source>
        <translation>판별자가 실제 데이터로 보는 것: builtin:digits (내장, 오프라인 사용 가능), mnist:FILE, quickdraw:FILE, cifar10:FOLDER 또는 folder:FOLDER</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="110" />
        <location filename="../../ganexplorer/gui/train/train_form.py" line="165" />
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="111" />
        <source>Pick a dataset file on disk</source>
        <translation>디스크에서 데이터셋 파일 선택</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="116" />
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="118" />
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="122" />
        <source>Real and generated images per step. Smaller batches make more, noisier steps per second</source>
        <translation>단계마다 쓰는 실제 이미지와 생성 이미지 수. 배치가 작을수록 초당 단계 수는 늘지만 각 단계가 더 불안정합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="126" />
        <source>How far each Adam step moves the weights of D and G. Too high and training oscillates or collapses; too low and nothing happens for a long time</source>
        <translation>Adam이 한 단계마다 D와 G의 가중치를 얼마나 움직이는지입니다. 너무 크면 학습이 진동하거나 붕괴하고, 너무 작으면 오랫동안 아무 일도 일어나지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="131" />
        <source>Adam's momentum: how much of the previous steps' direction each step keeps. GANs use 0.5 (DCGAN paper) or 0 (StyleGAN2) instead of 0.9</source>
        <translation>Adam의 모멘텀: 각 단계가 이전 단계들의 방향을 얼마나 유지하는지입니다. GAN에서는 0.9 대신 0.5(DCGAN 논문) 또는 0(StyleGAN2)을 씁니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="135" />
        <source>non-saturating BCE</source>
        <translation>비포화 BCE</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="135" />
        <source>minimax (original)</source>
        <translation>미니맥스 (원래 형태)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="136" />
        <source>least squares</source>
        <translation>최소제곱</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="138" />
        <source>Discriminator updates before each generator update</source>
        <translation>생성자를 한 번 업데이트하기 전의 판별자 업데이트 횟수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="139" />
        <source>Random seed for the initial weights and the fixed noise of the sample grid: the same seed gives the same run</source>
        <translation>초기 가중치와 샘플 격자의 고정 노이즈를 정하는 무작위 시드: 같은 시드면 같은 실행이 됩니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="141" />
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="142" />
        <source>Learning rate (Adam)</source>
        <translation>학습률 (Adam)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="144" />
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="145" />
        <source>D steps per G step</source>
        <translation>G 한 단계당 D 단계 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="146" />
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="152" />
        <source>no limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="153" />
        <source>Training stops (and saves) when the step counter reaches this number; 0 = no limit, stop it with Stop</source>
        <translation>단계 수가 이 값에 이르면 학습을 멈추고 저장합니다. 0 = 제한 없음, 정지 버튼으로 멈춤</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="156" />
        <source>How often the sample grid and the class histogram are redrawn (each costs a little training time)</source>
        <translation>샘플 격자와 클래스 히스토그램을 다시 그리는 주기 (그릴 때마다 학습 시간이 조금 듭니다)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="159" />
        <source>How often last.safetensors is rewritten in the run folder: every N steps or every {0:g} minutes, whichever comes first (it is also written when training stops, but never after a loss became NaN)</source>
        <translation>실행 폴더의 last.safetensors를 다시 쓰는 주기: N 스텝마다 또는 {0:g}분마다 중 먼저 오는 쪽 (훈련이 멈출 때도 저장하지만, 손실이 NaN이 된 뒤에는 저장하지 않습니다)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="163" />
        <source>Each run gets its own new folder in here, named after the model and the start time; empty = do not save</source>
        <translation>실행마다 이 안에 모델 이름과 시작 시각으로 이름 붙인 새 폴더가 생깁니다. 비워 두면 저장하지 않습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="166" />
        <source>Pick the folder that holds your runs</source>
        <translation>실행들이 담긴 폴더 선택</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="171" />
        <source>Where training computes. auto takes a CUDA GPU, then Apple's MPS, then the CPU; checkpoints open on any device</source>
        <translation>학습을 계산할 장치입니다. auto는 CUDA GPU, 없으면 Apple MPS, 그것도 없으면 CPU를 씁니다. 체크포인트는 어느 장치에서나 열립니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="174" />
        <source>fp32 (exact)</source>
        <translation>fp32 (정확)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="174" />
        <source>bf16 mixed precision</source>
        <translation>bf16 혼합 정밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="175" />
        <source>fp16 mixed precision</source>
        <translation>fp16 혼합 정밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="177" />
        <source>Number format of the forward passes. bf16/fp16 are faster on recent GPUs (weights stay fp32); fp16 is the riskier of the two for StyleGAN2</source>
        <translation>순전파의 숫자 형식입니다. bf16/fp16은 최신 GPU에서 더 빠릅니다(가중치는 fp32로 유지). StyleGAN2에서는 fp16이 둘 중 더 불안정합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="179" />
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="180" />
        <source>Precision</source>
        <translation>정밀도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="181" />
        <source>Stop at step</source>
        <translation>정지할 단계</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="182" />
        <source>Samples every N steps</source>
        <translation>N 단계마다 샘플</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="183" />
        <source>Checkpoint every N steps</source>
        <translation>N 단계마다 체크포인트</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="184" />
        <source>Runs folder</source>
        <translation>실행 저장 폴더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="190" />
        <source>R1 penalty: punishes D for steep slopes around real images, which keeps StyleGAN2 training stable</source>
        <translation>R1 페널티: 실제 이미지 주변에서 D의 기울기가 가파르면 벌점을 주어 StyleGAN2 학습을 안정적으로 유지합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="193" />
        <source>Path-length regularisation: a fixed step in w should change the picture by a fixed amount (0 = off, faster)</source>
        <translation>경로 길이 정규화: w에서 일정한 크기만큼 이동하면 그림도 일정한 양만큼 바뀌어야 합니다 (0 = 끔, 더 빠름)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="197" />
        <source>How often a training image takes its later styles from a second latent, so that coarse and fine styles stay separable</source>
        <translation>학습 이미지가 뒤쪽 층의 스타일을 두 번째 잠재 벡터에서 가져오는 빈도입니다. 그래야 거친 스타일과 세밀한 스타일이 분리된 상태로 유지됩니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="201" />
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="201" />
        <source>translation</source>
        <translation>이동</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="202" />
        <source>translation + cutout</source>
        <translation>이동 + 잘라내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="204" />
        <source>Differentiable augmentation: D sees shifted (and partly blanked) real and generated images, which keeps it from memorising a small dataset</source>
        <translation>미분 가능한 증강: D가 이동된(일부 가려진) 실제·생성 이미지를 보게 하여 작은 데이터셋을 외우지 못하게 합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="206" />
        <location filename="../../ganexplorer/gui/train/train_form.py" line="281" />
        <source>R1 γ (lazy, every {0} D steps)</source>
        <translation>R1 γ (지연, D {0}스텝마다)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="208" />
        <source>Augmentation for D</source>
        <translation>D용 증강</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="209" />
        <source>Path-length weight</source>
        <translation>경로 길이 가중치</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="210" />
        <source>Style-mixing probability</source>
        <translation>스타일 믹싱 확률</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="237" />
        <source>StyleGAN2 always uses the non-saturating logistic loss</source>
        <translation>StyleGAN2는 항상 비포화 로지스틱 손실을 사용합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="238" />
        <source>What G and D minimise. Non-saturating: G maximises log D(G(z)), which still gives G gradients when D wins; minimax is the original paper's form; least squares (LSGAN) penalises distance from the target</source>
        <translation>G와 D가 최소화하는 값. 비포화: G가 log D(G(z))를 최대화하므로 D가 이길 때도 G에 기울기가 전달됩니다. 미니맥스는 원 논문의 형태이고, 최소제곱(LSGAN)은 목표값과의 거리에 벌점을 줍니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="310" />
        <source>Training data</source>
        <translation>학습 데이터</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="311" />
        <source>Datasets (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;All files (*)</source>
        <translation>데이터셋 (*idx3-ubyte* *.gz *.npy *.ndjson data_batch_*);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/train/train_form.py" line="322" />
        <source>Folder for training runs</source>
        <translation>학습 실행 폴더</translation>
    </message>
</context>
<context>
    <name>TruncationGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="96" />
        <source>Truncation</source>
        <translation>절단(Truncation)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="100" />
        <source>all</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="102" />
        <source>Cutoff (layers)</source>
        <translation>적용 층 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="116" />
        <source>ψ (psi) pulls w toward the average w: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture</source>
        <translation>ψ(psi)는 w를 평균 w 쪽으로 당깁니다. 1 = 샘플링한 그대로, 0 = '평균' 그림, 그 사이 = 더 전형적이지만 덜 다양한 그림, 음수 = '반대' 그림</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="118" />
        <source>Truncate only the first N w layers (the coarse ones first); 'all' truncates every layer</source>
        <translation>앞쪽 w 층 N개(거친 층부터)만 절단합니다. '전체'는 모든 층을 절단합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/settings_groups.py" line="120" />
        <source>ψ (psi) scales z toward 0, the centre of the prior: 1 = as sampled, 0 = the 'average' picture, between = more typical but less varied pictures, negative = the 'opposite' picture</source>
        <translation>ψ(psi)는 z를 사전 분포의 중심인 0 쪽으로 줄입니다: 1 = 뽑힌 그대로, 0 = '평균' 그림, 그 사이 = 더 전형적이지만 덜 다양한 그림, 음수 = '반대' 그림</translation>
    </message>
</context>
<context>
    <name>VariationPage</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="118" />
        <source>How many pictures with different random noise (same w) to compare; more draws = a steadier map</source>
        <translation>비교할 그림 수(w는 같고 무작위 노이즈만 다름). 샘플이 많을수록 맵이 안정적입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="119" />
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="121" />
        <source>Render the current picture with many noise draws and show how much each pixel varies</source>
        <translation>현재 그림을 여러 노이즈 샘플로 렌더링해 픽셀마다 얼마나 변하는지 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="123" />
        <source>Noise draws</source>
        <translation>노이즈 샘플 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="128" />
        <source>Bright = what the noise inputs change; the colour bar gives the scale in pixel levels (0–255).</source>
        <translation>밝을수록 노이즈 입력이 많이 바꾸는 부분입니다. 색 막대는 픽셀 값(0–255) 단위의 척도를 나타냅니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="137" />
        <source>Click Compute to see what the noise inputs change.</source>
        <translation>계산을 누르면 노이즈 입력이 무엇을 바꾸는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/view_pages.py" line="141" />
        <source>{0}: per-pixel standard deviation over {1} noise draws; the largest is {2:.2f} pixel levels (of 255). Bright = what the noise inputs change.</source>
        <translation>{0}: 노이즈 샘플 {1}개에 대한 픽셀별 표준편차. 최댓값은 {2:.2f} 픽셀 값(255 기준)입니다. 밝을수록 노이즈 입력이 많이 바꾸는 부분입니다.</translation>
    </message>
</context>
<context>
    <name>ViewJobs</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_jobs.py" line="57" />
        <source>Per-pixel standard deviation over {0} noise draws, in pixel levels (0–255): {1}</source>
        <translation>노이즈 샘플 {0}개에 대한 픽셀별 표준편차, 픽셀 값(0–255) 단위: {1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_jobs.py" line="78" />
        <source>Choose a layer range [a, b) with b &gt; a under Style mixing first.</source>
        <translation>먼저 스타일 믹싱에서 b &gt; a인 층 범위 [a, b)를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_jobs.py" line="82" />
        <source>Each picture: its row's seed with layers {0} ({1}, {2}) taken from its column's seed</source>
        <translation>각 그림: 행의 시드에서 층 {0}({1}, {2})만 열의 시드에서 가져옴</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_jobs.py" line="90" />
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/explorer_jobs.py" line="143" />
        <source>Mixing grid cancelled</source>
        <translation>혼합 격자를 취소했습니다</translation>
    </message>
</context>
<context>
    <name>ViewPages</name>
    </context>
<context>
    <name>WDirections</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="83" />
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="168" />
        <source>w directions (principal components, in σ)</source>
        <translation>w 방향 (주성분, σ 단위)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="86" />
        <source>Computed in the background after a model loads.</source>
        <translation>모델을 불러오면 백그라운드에서 계산합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="94" />
        <source>How many of the sampled ws are mapped so far</source>
        <translation>샘플로 뽑은 w 중 지금까지 매핑한 비율</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="95" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="96" />
        <source>Stop computing the principal directions (the sliders stay off)</source>
        <translation>주성분 방향 계산을 멈춥니다 (슬라이더는 꺼진 채로 남습니다)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="97" />
        <source>Compute</source>
        <translation>계산</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="98" />
        <source>Compute the principal directions of this model</source>
        <translation>이 모델의 주성분 방향을 계산합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="115" />
        <source>Layers [a, b)</source>
        <translation>층 [a, b)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="123" />
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="170" />
        <source>Reset w</source>
        <translation>w 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="138" />
        <source>Computing principal directions of w…</source>
        <translation>w의 주성분 방향을 계산하는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="169" />
        <source>Moves w along a principal direction of many sampled ws, in standard deviations (σ) of w along it: ±2σ stays among typical pictures, ±5σ is extreme. PC0 is the direction w varies most</source>
        <translation>샘플링한 많은 w의 주성분 방향을 따라 w를 이동합니다. 단위는 그 방향의 w 표준편차(σ)입니다. ±2σ는 전형적인 그림 범위 안이고, ±5σ는 극단적입니다. PC0은 w가 가장 많이 변하는 방향입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="172" />
        <source>z directions (principal components, in σ)</source>
        <translation>z 방향 (주성분, σ 단위)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="173" />
        <source>Moves z along a principal direction of many sampled zs, in standard deviations (σ) along it: ±2σ stays among typical pictures, ±5σ is extreme. PC0 is the direction z varies most</source>
        <translation>많이 뽑은 z들의 주방향을 따라 z를 그 방향의 표준편차(σ) 단위로 움직입니다: ±2σ는 전형적인 그림 사이에 머물고, ±5σ는 극단적입니다. PC0은 z가 가장 많이 변하는 방향입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="174" />
        <source>Reset directions</source>
        <translation>방향 초기화</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="178" />
        <source>Which w layers the direction moves [a, b)</source>
        <translation>방향이 움직이는 w 층 [a, b)</translation>
    </message>
</context>
<context>
    <name>WalkControls</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="45" />
        <source>The walk visits these seeds in turn and loops back to the first, e.g. 0,1,2 or 10-14</source>
        <translation>산책은 이 시드들을 차례로 지나 첫 시드로 돌아옵니다. 예: 0,1,2 또는 10-14</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="47" />
        <source>w (linear)</source>
        <translation>w (선형)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="48" />
        <source>z (spherical)</source>
        <translation>z (구면)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="49" />
        <source>w: straight lines between the seeds' ws (smooth in a style-based generator); z: arcs on the sphere where Gaussian z lives (slerp), the usual choice for z</source>
        <translation>w: 시드들의 w 사이를 직선으로 잇습니다(스타일 기반 생성자에서는 매끄러움). z: 가우시안 z가 놓이는 구면 위의 호(slerp)를 따라가며, z에 흔히 쓰는 방식입니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="53" />
        <source>Frames for one loop through all the keyframe seeds</source>
        <translation>모든 키프레임 시드를 한 바퀴 도는 데 쓰는 프레임 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="57" />
        <source>Playback speed here and in the exported clip</source>
        <translation>여기와 내보낸 클립의 재생 속도</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="58" />
        <source>Loop</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="60" />
        <source>Start again from the first seed at the end</source>
        <translation>끝에 이르면 첫 시드부터 다시 시작</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="67" />
        <source>Shorter side of the exported clip; small models are enlarged by a whole factor (nearest neighbour) so the pixels stay crisp on a projector</source>
        <translation>내보낸 클립의 짧은 변 길이. 작은 모델은 정수 배율로(최근접 이웃) 확대되어 프로젝터에서도 픽셀이 선명합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="71" />
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="125" />
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="74" />
        <source>Play the walk in the Image view (the caption shows the frame number)</source>
        <translation>이미지 화면에서 산책을 재생합니다 (설명에 프레임 번호가 표시됨)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="75" />
        <source>Export GIF/MP4…</source>
        <translation>GIF/MP4 내보내기…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="76" />
        <source>Render one loop of the walk to a GIF or MP4 file at the size below</source>
        <translation>산책 한 바퀴를 아래 크기의 GIF 또는 MP4 파일로 렌더링합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="80" />
        <source>Keyframe seeds</source>
        <translation>키프레임 시드</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="81" />
        <source>Space</source>
        <translation>공간</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="82" />
        <source>Frames per loop</source>
        <translation>한 바퀴 프레임 수</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="83" />
        <source>Speed (frames/s)</source>
        <translation>속도 (프레임/초)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="85" />
        <source>Export size</source>
        <translation>내보내기 크기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="117" />
        <source>A walk needs at least two keyframe seeds.</source>
        <translation>산책에는 키프레임 시드가 두 개 이상 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="125" />
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="152" />
        <source>Export latent walk</source>
        <translation>잠재 공간 산책 내보내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="153" />
        <source>Animations (*.gif *.mp4)</source>
        <translation>애니메이션 (*.gif *.mp4)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/walk_panel.py" line="153" />
        <source>GIF (*.gif)</source>
        <translation>GIF (*.gif)</translation>
    </message>
</context>
<context>
    <name>WalkExport</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="129" />
        <source>Exporting {0} frames…</source>
        <translation>프레임 {0}개 내보내는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="134" />
        <source>Rendering {0} frames of the walk…</source>
        <translation>산책의 프레임 {0}개를 그리는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="136" />
        <source>Export latent walk</source>
        <translation>잠재 공간 산책 내보내기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="137" />
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="159" />
        <source>Writing {0}…</source>
        <translation>{0} 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="164" />
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/background_jobs.py" line="177" />
        <source>Export cancelled; no file was written.</source>
        <translation>내보내기를 취소했습니다. 파일은 만들어지지 않았습니다.</translation>
    </message>
</context>
<context>
    <name>WalkGroup</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="276" />
        <source>Latent walk</source>
        <translation>잠재 공간 산책</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="67" />
        <location filename="../../ganexplorer/gui/window/window_files.py" line="91" />
        <source>Nothing to save yet: this view shows no picture.</source>
        <translation>아직 저장할 것이 없습니다. 이 화면에는 그림이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="97" />
        <location filename="../../ganexplorer/gui/window/window_files.py" line="123" />
        <source>Could not save {0}: {1}</source>
        <translation>{0}을(를) 저장할 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="99" />
        <location filename="../../ganexplorer/gui/window/window_files.py" line="125" />
        <source>Saved {0}</source>
        <translation>{0} 저장함</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="109" />
        <source>Nothing to copy yet: this view shows no picture.</source>
        <translation>아직 복사할 것이 없습니다. 이 화면에는 그림이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="112" />
        <source>Image copied to the clipboard</source>
        <translation>이미지를 클립보드에 복사했습니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="130" />
        <source>Save state</source>
        <translation>상태 저장</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="130" />
        <location filename="../../ganexplorer/gui/window/window_files.py" line="136" />
        <source>Explorer state (*.json)</source>
        <translation>탐색 상태 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="135" />
        <source>Open state</source>
        <translation>상태 열기</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_files.py" line="149" />
        <source>'{0}' is not a ganexplorer state file.</source>
        <translation>'{0}'은(는) ganexplorer 상태 파일이 아닙니다.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="60" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="61" />
        <source>&amp;Open checkpoint…</source>
        <translation>체크포인트 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="63" />
        <source>Open &amp;recent</source>
        <translation>최근 파일(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="65" />
        <source>Open &amp;bundled model</source>
        <translation>포함된 모델 열기(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="66" />
        <source>The demo models that ship with ganexplorer (no file dialog needed)</source>
        <translation>ganexplorer와 함께 제공되는 데모 모델 (파일 대화상자 없이 바로 열기)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="71" />
        <source>&amp;Save image…</source>
        <translation>이미지 저장(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="73" />
        <source>Save what the current tab shows, enlarged for slides if small</source>
        <translation>현재 탭에 보이는 것을 저장합니다. 작으면 슬라이드용으로 확대합니다</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="74" />
        <source>&amp;Copy image</source>
        <translation>이미지 복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="75" />
        <source>Save s&amp;tate…</source>
        <translation>상태 저장(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="76" />
        <source>Open st&amp;ate…</source>
        <translation>상태 열기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="80" />
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="84" />
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="85" />
        <source>Zoom to &amp;fit</source>
        <translation>창에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="86" />
        <source>Zoom &amp;1:1</source>
        <translation>1:1 크기(&amp;1)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="87" />
        <source>Zoom &amp;2×</source>
        <translation>2배 확대(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="89" />
        <source>&amp;Previous seed</source>
        <translation>이전 시드(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="90" />
        <source>&amp;Next seed</source>
        <translation>다음 시드(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="91" />
        <source>&amp;Random seed</source>
        <translation>무작위 시드(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="93" />
        <source>&amp;Presentation (large text for projectors)</source>
        <translation>발표 모드(프로젝터용 큰 글씨)(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="44" />
        <source>&amp;Explore</source>
        <translation>탐색(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="45" />
        <source>&amp;Project image…</source>
        <translation>이미지 투영(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="101" />
        <source>&amp;Settings</source>
        <translation>설정(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="102" />
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="108" />
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="116" />
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="117" />
        <source>&amp;What am I looking at?</source>
        <translation>지금 무엇을 보고 있나요?(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="119" />
        <source>Show &amp;log folder</source>
        <translation>로그 폴더 열기(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="120" />
        <source>Open the folder with ganexplorer's log, to send it with a bug report</source>
        <translation>ganexplorer 로그가 있는 폴더를 엽니다. 버그를 알릴 때 로그를 함께 보내 주세요</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="125" />
        <source>&amp;About ganexplorer</source>
        <translation>ganexplorer 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="156" />
        <source>What am I looking at? — {0}</source>
        <translation>지금 무엇을 보고 있나요? — {0}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="166" />
        <source>Could not open {0}: {1}</source>
        <translation>{0}을(를) 열 수 없습니다: {1}</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/window/window_menus.py" line="169" />
        <source>The log is in {0}</source>
        <translation>로그는 {0}에 있습니다</translation>
    </message>
</context>
<context>
    <name>ZSliders</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="42" />
        <source>z sliders</source>
        <translation>z 슬라이더</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="45" />
        <source>Adds an offset to one coordinate of the seed's z (z itself is a standard normal vector, so ±3 is a big move); 0 = the seed's own z</source>
        <translation>시드의 z에서 좌표 하나에 오프셋을 더합니다(z 자체는 표준 정규 벡터이므로 ±3은 큰 이동입니다). 0 = 시드 본래의 z</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/explore/latent_groups.py" line="53" />
        <source>Reset z</source>
        <translation>z 초기화</translation>
    </message>
</context>
<context>
    <name>_Sentences</name>
    <message>
        <location filename="../../ganexplorer/gui/common/background.py" line="78" />
        <source>Something went wrong ({0}). Details: Help ▸ Show log folder.</source>
        <translation>문제가 발생했습니다({0}). 자세한 내용: 도움말 ▸ 로그 폴더 열기.</translation>
    </message>
    <message>
        <location filename="../../ganexplorer/gui/common/background.py" line="79" />
        <source>Something went wrong ({0}: {1}). Details: Help ▸ Show log folder.</source>
        <translation>문제가 발생했습니다({0}: {1}). 자세한 내용: 도움말 ▸ 로그 폴더 열기.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ganexplorer/gui/explore/projection/project_dialog.py" line="291" />
        <source>Open a model first: a picture is projected into a generator.</source>
        <translation>먼저 모델을 여세요: 그림은 생성자 안으로 투영됩니다.</translation>
    </message>
</context>
</TS>