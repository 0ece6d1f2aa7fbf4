<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccountRow</name>
    <message>
        <source>Paste an access token (hf_…)</source>
        <translation>粘贴访问令牌（hf_…）</translation>
    </message>
    <message>
        <source>Create a read token at huggingface.co/settings/tokens. It is kept where the Hugging Face tools keep it, on this computer only.</source>
        <translation>请在 huggingface.co/settings/tokens 创建一个只读令牌。它和 Hugging Face 工具的令牌保存在同一位置，只存在这台电脑上。</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Signed in: gated models you were granted can be downloaded now.</source>
        <translation>已登录：现在可以下载你已获授权的受限模型了。</translation>
    </message>
    <message>
        <source>Signed out: the token was removed from this computer.</source>
        <translation>已退出登录：令牌已从这台电脑上删除。</translation>
    </message>
    <message>
        <source>Signing in failed: {0}</source>
        <translation>登录失败：{0}</translation>
    </message>
    <message>
        <source>Signed in to the Hub as {0}.</source>
        <translation>已以 {0} 的身份登录 Hub。</translation>
    </message>
    <message>
        <source>Gated models need a Hugging Face token:</source>
        <translation>受限模型需要 Hugging Face 令牌：</translation>
    </message>
</context>
<context>
    <name>AnswersDetail</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页码</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>复制答案</translation>
    </message>
    <message>
        <source>Copy the selected answer (Ctrl+C)</source>
        <translation>复制选中的答案 (Ctrl+C)</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>全部复制</translation>
    </message>
    <message>
        <source>Copy every question and answer, ready to paste into a spreadsheet</source>
        <translation>复制所有问题和答案，可直接粘贴到电子表格中</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <source>or:</source>
        <translation>或：</translation>
    </message>
    <message>
        <source>Another possible answer, with a lower confidence</source>
        <translation>另一个可能的答案，置信度较低</translation>
    </message>
    <message>
        <source>No answer was found: the document seems to have no readable text (a blank page, or a very faint scan).</source>
        <translation>没有找到答案：这份文档似乎没有可读的文字（可能是空白页，或扫描件太模糊）。</translation>
    </message>
    <message>
        <source>Notes about how this document was read</source>
        <translation>关于这份文档读取情况的说明</translation>
    </message>
    <message>
        <source>No answer found</source>
        <translation>没有找到答案</translation>
    </message>
    <message>
        <source>This model gives no confidence score</source>
        <translation>这个模型不提供置信度</translation>
    </message>
    <message>
        <source>Click to see it on page {0}</source>
        <translation>点击查看第 {0} 页上的位置</translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <source>Other possible answers:</source>
        <translation>其他可能的答案：</translation>
    </message>
</context>
<context>
    <name>AudioResultDetail</name>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Length {0} · {1} Hz · {2}</source>
        <translation>时长 {0} · {1} Hz · {2}</translation>
    </message>
    <message>
        <source>The audio file is gone (moved or deleted).</source>
        <translation>音频文件不见了（已被移动或删除）。</translation>
    </message>
    <message>
        <source>No sound output found: use Save as… and play the file elsewhere.</source>
        <translation>没有找到声音输出设备：请用“另存为…”保存文件，再用其他方式播放。</translation>
    </message>
    <message>
        <source>Cannot play this audio: {0}</source>
        <translation>无法播放这段音频：{0}</translation>
    </message>
    <message>
        <source>Save audio</source>
        <translation>保存音频</translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation>WAV 音频 (*.wav)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>No preview</source>
        <translation>无预览</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>Model card</source>
        <translation>模型卡片</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Fetch what this model needs into the Hugging Face cache, for offline use.</source>
        <translation>把这个模型所需的文件下载到 Hugging Face 缓存，以便离线使用。</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <source>Choose a model in the list</source>
        <translation>请在列表中选择一个模型</translation>
    </message>
    <message>
        <source>Its description, files and memory needs show here.</source>
        <translation>这里会显示它的说明、文件和内存需求。</translation>
    </message>
    <message>
        <source>Licence: {0}</source>
        <translation>许可证：{0}</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <source>weights {0}</source>
        <translation>权重 {0}</translation>
    </message>
    <message>
        <source>updated {0}</source>
        <translation>更新于 {0}</translation>
    </message>
    <message>
        <source>gated: accept its licence on the Hub first</source>
        <translation>受限：请先在 Hub 上接受它的许可证</translation>
    </message>
    <message>
        <source>Loading the model card…</source>
        <translation>正在加载模型卡片…</translation>
    </message>
    <message>
        <source>*This model has no description on the Hub.*</source>
        <translation>*这个模型在 Hub 上没有说明。*</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Download fetches {0}: only what a pipeline needs.</source>
        <translation>下载将获取 {0}：只包含流水线需要的文件。</translation>
    </message>
    <message>
        <source>Only older PyTorch weights exist for this model; you will be asked before they are downloaded.</source>
        <translation>这个模型只有旧式的 PyTorch 权重；下载前会先征求你的同意。</translation>
    </message>
    <message>
        <source>Memory needed: unknown (the Hub does not list its size).</source>
        <translation>所需内存：未知（Hub 没有列出它的大小）。</translation>
    </message>
    <message>
        <source>Needs about {0} of memory.</source>
        <translation>大约需要 {0} 内存。</translation>
    </message>
    <message>
        <source>Fits in memory: needs about {0} of the {1} free.</source>
        <translation>内存足够：约需 {0}，当前可用 {1}。</translation>
    </message>
    <message>
        <source>Tight: needs about {0} of the {1} free; close other programs first.</source>
        <translation>内存紧张：约需 {0}，当前可用 {1}；请先关闭其他程序。</translation>
    </message>
    <message>
        <source>Will not fit: needs about {0}, but only {1} is free.</source>
        <translation>内存不足：约需 {0}，但只有 {1} 可用。</translation>
    </message>
    <message>
        <source>Starting the download of {0}…</source>
        <translation>正在开始下载 {0}…</translation>
    </message>
</context>
<context>
    <name>EntitiesDetail</name>
    <message>
        <source>Name</source>
        <extracomment>Light backgrounds (dark text stays readable on them in light and dark themes alike).</extracomment>
        <translation>名称</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人名</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>机构</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地名</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>No names found in this text.</source>
        <translation>这段文本中没有找到名称。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Loading past jobs…</source>
        <translation>正在载入以往的任务…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>No jobs yet. Each job you run is listed here, and can be opened again.</source>
        <translation>还没有任务。您运行的每个任务都会列在这里，可以再次打开。</translation>
    </message>
</context>
<context>
    <name>ImageResultDetail</name>
    <message>
        <source>Save image…</source>
        <extracomment>Distinct colours, given to labels in the order they first appear in a result. Anchors of the depth colour scale (dark = low values, light = high), like &quot;magma&quot;.</extracomment>
        <translation>保存图片…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>No preview of the picture</source>
        <translation>没有图片预览</translation>
    </message>
    <message>
        <source>Box from ({0}, {1}) to ({2}, {3})</source>
        <translation>方框从 ({0}, {1}) 到 ({2}, {3})</translation>
    </message>
    <message>
        <source>{0} object(s) found.</source>
        <translation>找到 {0} 个物体。</translation>
    </message>
    <message>
        <source>No objects found above the minimum score. Lower it to see less certain ones.</source>
        <translation>没有找到得分高于最低得分的物体。调低最低得分可以看到把握较小的结果。</translation>
    </message>
    <message>
        <source>{0} region(s).</source>
        <translation>{0} 个区域。</translation>
    </message>
    <message>
        <source>No regions found.</source>
        <translation>没有找到区域。</translation>
    </message>
    <message>
        <source>Highest: {0}</source>
        <translation>最高：{0}</translation>
    </message>
    <message>
        <source>Lowest: {0}</source>
        <translation>最低：{0}</translation>
    </message>
    <message>
        <source>Light means a higher value: nearer for Depth Anything and DPT models, farther for models that measure metres.</source>
        <translation>越浅表示数值越高：对 Depth Anything 和 DPT 模型表示越近，对以米计量距离的模型表示越远。</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>无法保存</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Type or paste texts here, one per line.

Example: Dear Amazon, last week I ordered an Optimus Prime action figure, but received a Megatron one.</source>
        <translation>在这里输入或粘贴文本，每行一条。

例如：亲爱的客服，我上周订购了一个擎天柱手办，收到的却是威震天。</translation>
    </message>
    <message>
        <source>Type or paste your text here.</source>
        <translation>在这里输入或粘贴文本。</translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation>打开文本文件…</translation>
    </message>
    <message>
        <source>Drop files or a folder here, or use Add files…</source>
        <translation>把文件或文件夹拖到这里，或点击“添加文件…”</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Supported files ({0});;All files (*)</source>
        <translation>支持的文件 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>添加文件</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Open text file</source>
        <translation>打开文本文件</translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv *.tsv);;All files (*)</source>
        <translation>文本文件 (*.txt *.csv *.tsv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>InstalledModelsModel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation>占用空间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
</context>
<context>
    <name>InstalledPage</name>
    <message>
        <source>Models on this computer, in {0}</source>
        <translation>这台电脑上的模型，位于 {0}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Looking for installed models…</source>
        <translation>正在查找已安装的模型…</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>出错了：{0}</translation>
    </message>
    <message>
        <source>No models installed yet.</source>
        <translation>还没有安装任何模型。</translation>
    </message>
    <message>
        <source>1 model, {1} on disk</source>
        <translation>1 个模型，占用 {1}</translation>
    </message>
    <message>
        <source>{0} models, {1} on disk</source>
        <translation>{0} 个模型，占用 {1}</translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Remove &apos;{0}&apos; from this computer? This frees {1} of disk space; you can download it again later.</source>
        <translation>要从这台电脑上删除“{0}”吗？这将释放 {1} 磁盘空间；以后可以重新下载。</translation>
    </message>
    <message>
        <source>Removed &apos;{0}&apos;: {1} freed.</source>
        <translation>已删除“{0}”：释放了 {1}。</translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Could not read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation>找到 {0} 个</translation>
    </message>
    <message>
        <source>depth map</source>
        <translation>深度图</translation>
    </message>
    <message>
        <source>{0} s of sound</source>
        <translation>{0} 秒声音</translation>
    </message>
    <message>
        <source>no names</source>
        <translation>没有名称</translation>
    </message>
    <message>
        <source>{0} numbers</source>
        <translation>{0} 个数值</translation>
    </message>
</context>
<context>
    <name>LabelsModel</name>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Model id or folder</source>
        <translation>模型 ID 或文件夹</translation>
    </message>
    <message>
        <source>Choose model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>打开文件夹…</translation>
    </message>
    <message>
        <source>Starting the AI engine…</source>
        <translation>正在启动 AI 引擎…</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Device and model</source>
        <translation>设备和模型</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Full (float32)</source>
        <translation>全精度 (float32)</translation>
    </message>
    <message>
        <source>Half (float16)</source>
        <translation>半精度 (float16)</translation>
    </message>
    <message>
        <source>Half (bfloat16)</source>
        <translation>半精度 (bfloat16)</translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation>8 位</translation>
    </message>
    <message>
        <source>4-bit</source>
        <translation>4 位</translation>
    </message>
    <message>
        <source>8-bit and 4-bit need the bitsandbytes package and a CUDA GPU</source>
        <translation>8 位和 4 位精度需要 bitsandbytes 软件包和 CUDA GPU</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The new language is used the next time Pipedeck starts.</source>
        <translation>新的语言将在下次启动 Pipedeck 时生效。</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message>
        <source>The AI engine could not start</source>
        <translation>AI 引擎无法启动</translation>
    </message>
    <message>
        <source>History reset</source>
        <translation>历史记录已重置</translation>
    </message>
    <message>
        <source>The job history could not be read and was set aside; a new one was started.</source>
        <translation>无法读取任务历史记录，已将其另存一旁并新建了一份。</translation>
    </message>
    <message>
        <source>Another job is running; wait for it or cancel it.</source>
        <translation>另一个任务正在运行；请等待它完成或取消它。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation>约剩 {0}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>{0} input(s) could not be read</source>
        <translation>有 {0} 个输入无法读取</translation>
    </message>
    <message>
        <source>Allow pickle weights?</source>
        <translation>允许 pickle 权重？</translation>
    </message>
    <message>
        <source>This model&apos;s weights are stored as a Python pickle (.bin file). Opening a pickle can run any code its author put in it.</source>
        <translation>这个模型的权重以 Python pickle 格式（.bin 文件）保存。打开 pickle 文件可能会运行作者放入其中的任何代码。</translation>
    </message>
    <message>
        <source>Allow the model&apos;s own code?</source>
        <translation>允许运行模型自带的代码？</translation>
    </message>
    <message>
        <source>This model needs to run Python code from its repository on your computer. That code can do anything your account can do.</source>
        <translation>这个模型需要在你的电脑上运行其仓库中的 Python 代码。这些代码能做你的账户能做的任何事。</translation>
    </message>
    <message>
        <source>Allow it for this model only if you trust its author.</source>
        <translation>只有在你信任模型作者时，才为这个模型允许它。</translation>
    </message>
    <message>
        <source>Allow for this model</source>
        <translation>为此模型允许</translation>
    </message>
    <message>
        <source>Opened a job from the history</source>
        <translation>已从历史记录中打开一个任务</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>将在当前步骤结束后取消…</translation>
    </message>
</context>
<context>
    <name>ModelPickerDialog</name>
    <message>
        <source>Choose a model for “{0}”</source>
        <translation>为“{0}”选择模型</translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation>搜索 Hub</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <source>Open a local folder…</source>
        <translation>打开本地文件夹…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>使用此模型</translation>
    </message>
    <message>
        <source>You are offline: showing installed models only.</source>
        <translation>当前处于离线状态：只显示已安装的模型。</translation>
    </message>
    <message>
        <source>Search models by name, e.g. whisper</source>
        <translation>按名称搜索模型，例如 whisper</translation>
    </message>
    <message>
        <source>Most downloaded</source>
        <translation>下载最多</translation>
    </message>
    <message>
        <source>Most liked</source>
        <translation>最受喜欢</translation>
    </message>
    <message>
        <source>Trending</source>
        <translation>热门</translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation>最近更新</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>任意语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Multilingual</source>
        <translation>多语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>出错了：{0}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>No models found for this task.</source>
        <translation>没有找到适合这个任务的模型。</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 个模型</translation>
    </message>
    <message>
        <source>{0} models</source>
        <translation>{0} 个模型</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Downloaded {0} to {1}. It works offline now.</source>
        <translation>已将 {0} 下载到 {1}，现在可以离线使用了。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is installed.</source>
        <translation>“{0}”已安装。</translation>
    </message>
    <message>
        <source>Download cancelled; the files already finished are kept.</source>
        <translation>下载已取消；已完成的文件会保留。</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; only has PyTorch pickle weights ({1}). Loading such files can run any program its authors put in them, with your permissions.

Download them only if you trust who published this model. Download anyway?</source>
        <translation>“{0}”只有 PyTorch pickle 格式的权重（{1}）。加载这类文件可能会以你的权限运行作者放入其中的任何程序。

只有在你信任这个模型的发布者时才应下载。仍要下载吗？</translation>
    </message>
    <message>
        <source>Download pickle weights?</source>
        <translation>下载 pickle 权重？</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>the document has no page {0}</source>
        <translation>文档没有第 {0} 页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit the page&apos;s width in the window</source>
        <translation>让页面宽度适应窗口</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适应宽度</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>显示整页</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Loading page {0}…</source>
        <translation>正在加载第 {0} 页…</translation>
    </message>
    <message>
        <source>This page cannot be shown: {0}</source>
        <translation>无法显示这一页：{0}</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>{0}:</source>
        <extracomment>Widgets for particular parameters, by name (a question list with presets, say): a factory, or where it lives as &quot;module:function&quot;, imported when a form first needs it.</extracomment>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Invoice number</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <source>What is the invoice number?</source>
        <translation>What is the invoice number?</translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>What is the invoice date?</source>
        <translation>What is the invoice date?</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>What is the due date?</source>
        <translation>What is the due date?</translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation>总金额</translation>
    </message>
    <message>
        <source>What is the total amount?</source>
        <translation>What is the total amount?</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>What is the tax amount?</source>
        <translation>What is the tax amount?</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>销售方</translation>
    </message>
    <message>
        <source>Who is the vendor?</source>
        <translation>Who is the vendor?</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>购买方</translation>
    </message>
    <message>
        <source>Who is the customer?</source>
        <translation>Who is the customer?</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设问题</translation>
    </message>
    <message>
        <source>Add questions that invoices usually answer</source>
        <translation>添加发票上通常能找到答案的问题</translation>
    </message>
    <message>
        <source>All invoice questions</source>
        <translation>全部发票问题</translation>
    </message>
    <message>
        <source>Clear the questions</source>
        <translation>清空问题</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <source>{0} questions</source>
        <translation>{0} 个问题</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Results appear here once a job runs.</source>
        <translation>任务运行后，结果会显示在这里。</translation>
    </message>
    <message>
        <source>The result of the input selected above is shown here.</source>
        <translation>上方所选输入的结果显示在这里。</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载量</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞数</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>Gated</source>
        <translation>受限</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>私有</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>The authors ask you to accept a licence on the Hub first.</source>
        <translation>作者要求你先在 Hub 上接受许可证。</translation>
    </message>
    <message>
        <source>The Hub does not list the size of this model&apos;s weights.</source>
        <translation>Hub 没有列出这个模型权重的大小。</translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>TaskTab</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Add something to work on first: drop files here, or type some text.</source>
        <translation>请先添加要处理的内容：把文件拖到这里，或输入一些文本。</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation>选择模型文件夹</translation>
    </message>
</context>
<context>
    <name>TranscriptDetail</name>
    <message>
        <source>Search the transcript</source>
        <translation>在转写文本中搜索</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>No speech was found in this recording.</source>
        <translation>这段录音中没有找到语音。</translation>
    </message>
    <message>
        <source>Playback is not available here</source>
        <translation>此处无法播放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>TranscriptExportDialog</name>
    <message>
        <source>Text (.txt)</source>
        <translation>纯文本 (.txt)</translation>
    </message>
    <message>
        <source>Text with times (.timestamps.txt)</source>
        <translation>带时间的文本 (.timestamps.txt)</translation>
    </message>
    <message>
        <source>Subtitles (.srt)</source>
        <translation>字幕 (.srt)</translation>
    </message>
    <message>
        <source>Web subtitles (.vtt)</source>
        <translation>网页字幕 (.vtt)</translation>
    </message>
    <message>
        <source>Everything, for other programs (.json)</source>
        <translation>完整数据，供其他程序使用 (.json)</translation>
    </message>
    <message>
        <source>Export transcripts</source>
        <translation>导出转写文本</translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Save next to each recording</source>
        <translation>保存在每个录音文件旁边</translation>
    </message>
</context>
<context>
    <name>VectorDetail</name>
    <message>
        <source>Save as .npy…</source>
        <translation>另存为 .npy…</translation>
    </message>
    <message>
        <source>Save the vectors of all texts of this job as one NumPy array, one row per text, in order.</source>
        <translation>把这个任务中所有文本的向量按顺序保存为一个 NumPy 数组，每行对应一段文本。</translation>
    </message>
    <message>
        <source>{0} tokens × {1} numbers each. The vector is their average ({2} numbers).</source>
        <translation>{0} 个词元，每个 {1} 个数值。向量是它们的平均值（{2} 个数值）。</translation>
    </message>
    <message>
        <source>The text was longer than the model reads; only its beginning was used.</source>
        <translation>文本超出了模型能读取的长度；只使用了开头部分。</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… 还有 {0} 个</translation>
    </message>
    <message>
        <source>Save vectors</source>
        <translation>保存向量</translation>
    </message>
    <message>
        <source>NumPy array (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <source>Saved {0} vector(s) to {1}</source>
        <translation>已将 {0} 个向量保存到 {1}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong, but your finished work is saved.</source>
        <translation>出了点问题，但已完成的工作都已保存。</translation>
    </message>
    <message>
        <source>The details are in the log file: {0}</source>
        <translation>详细信息在日志文件中：{0}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Transcribe</source>
        <translation>语音转写</translation>
    </message>
    <message>
        <source>Turn recordings (interviews, lectures, meetings) into time-coded text.</source>
        <translation>把录音（访谈、讲座、会议）转成带时间码的文字。</translation>
    </message>
    <message>
        <source>The seed used openai/whisper-large-v2; whisper-small is offered by default because it runs at a usable speed on a laptop CPU.</source>
        <translation>最初的方案使用 openai/whisper-large-v2；现在默认提供 whisper-small，因为它在笔记本电脑的 CPU 上也能以可用的速度运行。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The spoken language, or Detect to let the model find it.</source>
        <translation>录音所用的语言；选“自动检测”则由模型自行判断。</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Translate to English</source>
        <translation>翻译成英文</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳</translation>
    </message>
    <message>
        <source>Per sentence</source>
        <translation>按句</translation>
    </message>
    <message>
        <source>Per word</source>
        <translation>按词</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Max tokens per piece</source>
        <translation>每段最多词元数</translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation>解码方式</translation>
    </message>
    <message>
        <source>Automatic is fast on a CPU and careful on a graphics card. Careful decoding takes about twice as long on a CPU.</source>
        <translation>“自动”在 CPU 上使用快速解码，在显卡上使用仔细解码。在 CPU 上，仔细解码大约要多花一倍时间。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Fast (one guess)</source>
        <translation>快速（一个候选）</translation>
    </message>
    <message>
        <source>Careful (five guesses)</source>
        <translation>仔细（五个候选）</translation>
    </message>
    <message>
        <source>Automatic uses int8 on a CPU: about twice as fast, with the same accuracy on our measurements (benchmarks/ASR_RESULTS.md).</source>
        <translation>“自动”在 CPU 上使用 int8：速度约快一倍，在我们的测量中准确度不变（见 benchmarks/ASR_RESULTS.md）。</translation>
    </message>
    <message>
        <source>Faster (int8, CPU)</source>
        <translation>更快（int8，CPU）</translation>
    </message>
    <message>
        <source>Exact (float)</source>
        <translation>精确（浮点）</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>How many inputs the model handles at once. Automatic uses 1 on a CPU, where batching does not help, and 8 on a GPU.</source>
        <translation>模型一次处理多少个输入。选“自动”时，在 CPU 上用 1（批处理在 CPU 上没有帮助），在 GPU 上用 8。</translation>
    </message>
    <message>
        <source>Ask a document</source>
        <translation>文档问答</translation>
    </message>
    <message>
        <source>Ask questions of scanned invoices, photos and PDFs, offline.</source>
        <translation>离线向扫描的发票、照片和 PDF 文件提问。</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>One question per line.</source>
        <translation>每行一个问题。</translation>
    </message>
    <message>
        <source>What is the invoice number?
What is the total amount?</source>
        <translation>发票号码是多少？
总金额是多少？</translation>
    </message>
    <message>
        <source>OCR language</source>
        <translation>文字识别语言</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>备选答案数</translation>
    </message>
    <message>
        <source>Classify images</source>
        <translation>图像分类</translation>
    </message>
    <message>
        <source>Say what an image shows, with a score for each label.</source>
        <translation>判断图片里是什么，并给每个标签打分。</translation>
    </message>
    <message>
        <source>Labels to show</source>
        <translation>显示的标签数</translation>
    </message>
    <message>
        <source>How many of the most likely labels to list.</source>
        <translation>列出可能性最高的几个标签。</translation>
    </message>
    <message>
        <source>Sort texts</source>
        <translation>自定标签分类</translation>
    </message>
    <message>
        <source>Sort texts into labels you choose, without training.</source>
        <translation>无需训练，把文本归入你自己定的标签。</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>The labels to choose from, separated by commas.</source>
        <translation>可供选择的标签，用逗号分隔。</translation>
    </message>
    <message>
        <source>urgent, not urgent, phone, tablet, computer</source>
        <translation>紧急、不紧急、手机、平板、电脑</translation>
    </message>
    <message>
        <source>Several labels can apply</source>
        <translation>可同时属于多个标签</translation>
    </message>
    <message>
        <source>Score each label on its own instead of picking one.</source>
        <translation>分别给每个标签打分，而不是只选出一个。</translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation>假设模板</translation>
    </message>
    <message>
        <source>Write text</source>
        <translation>文本生成</translation>
    </message>
    <message>
        <source>Continue a prompt or chat with an instruction-tuned model.</source>
        <translation>续写一段提示，或与经过指令微调的模型对话。</translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation>最多生成词元数</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>0 always picks the likeliest word; higher is more varied.</source>
        <translation>为 0 时总是选最可能的词；数值越高，输出越多样。</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>核采样 (Top-p)</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>重复惩罚</translation>
    </message>
    <message>
        <source>Chat mode</source>
        <translation>对话模式</translation>
    </message>
    <message>
        <source>Use the model&apos;s chat template (for instruction-tuned models).</source>
        <translation>使用模型自带的对话模板（适用于指令微调模型）。</translation>
    </message>
    <message>
        <source>Classify texts</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>Tell whether each text is positive or negative (or the labels the model was trained on), with a score for each.</source>
        <translation>判断每段文本是正面还是负面（或模型训练时所用的其他标签），并给出每个标签的得分。</translation>
    </message>
    <message>
        <source>Find names</source>
        <translation>识别名称</translation>
    </message>
    <message>
        <source>Find the names of people, places and organisations in texts.</source>
        <translation>找出文本中的人名、地名和机构名。</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>合并方式</translation>
    </message>
    <message>
        <source>How word pieces are joined into names. &apos;Whole names&apos; suits most uses.</source>
        <translation>如何把词片段合并成名称。“完整名称”适合大多数用途。</translation>
    </message>
    <message>
        <source>Whole names</source>
        <translation>完整名称</translation>
    </message>
    <message>
        <source>By first word piece</source>
        <translation>按第一个词片段</translation>
    </message>
    <message>
        <source>By average score</source>
        <translation>按平均得分</translation>
    </message>
    <message>
        <source>By best word piece</source>
        <translation>按得分最高的词片段</translation>
    </message>
    <message>
        <source>Each word piece</source>
        <translation>每个词片段单独列出</translation>
    </message>
    <message>
        <source>Fill the gap</source>
        <translation>完形填空</translation>
    </message>
    <message>
        <source>Suggest the missing word: write [MASK] where it goes, e.g. &apos;Paris is the [MASK] of France.&apos;</source>
        <translation>猜出缺失的词：在缺词的位置写 [MASK]，例如“Paris is the [MASK] of France.”</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>候选词数</translation>
    </message>
    <message>
        <source>How many of the likeliest words to list.</source>
        <translation>列出可能性最高的几个词。</translation>
    </message>
    <message>
        <source>Embed texts</source>
        <translation>文本向量化</translation>
    </message>
    <message>
        <source>Turn each text into a list of numbers (an embedding) for search, clustering or your own analysis.</source>
        <translation>把每段文本转换成一组数字（嵌入向量），用于搜索、聚类或你自己的分析。</translation>
    </message>
    <message>
        <source>The vector is the mean of the token vectors (not normalised), as sentence-transformers computes for all-MiniLM-L6-v2 before its final normalisation.</source>
        <translation>向量是各词元向量的平均值（未归一化），与 sentence-transformers 为 all-MiniLM-L6-v2 在最终归一化之前计算的结果相同。</translation>
    </message>
    <message>
        <source>Ask a table</source>
        <translation>表格问答</translation>
    </message>
    <message>
        <source>Ask questions of a spreadsheet saved as CSV: totals, counts, which row has what.</source>
        <translation>向保存为 CSV 的电子表格提问：合计、计数、哪一行有什么。</translation>
    </message>
    <message>
        <source>Which city has the most people?
How many rows are there?</source>
        <translation>哪个城市人口最多？
一共有多少行？</translation>
    </message>
    <message>
        <source>Label images</source>
        <translation>图片打标签</translation>
    </message>
    <message>
        <source>Sort pictures into labels you type, without training a model.</source>
        <translation>无需训练模型，把图片归入你输入的标签。</translation>
    </message>
    <message>
        <source>cat, dog, receipt, beach</source>
        <translation>猫、狗、收据、海滩</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述模板</translation>
    </message>
    <message>
        <source>How each label is described to the model; {} is where the label goes.</source>
        <translation>向模型描述每个标签的句式；{} 处会填入标签。</translation>
    </message>
    <message>
        <source>Find objects</source>
        <translation>物体检测</translation>
    </message>
    <message>
        <source>Find the objects in a picture and draw a labelled box around each.</source>
        <translation>找出图片中的物体，并为每个物体画出带标签的方框。</translation>
    </message>
    <message>
        <source>DETR models (facebook/detr-resnet-50) need the timm package; YOLOS does not.</source>
        <translation>DETR 模型（facebook/detr-resnet-50）需要 timm 软件包；YOLOS 模型不需要。</translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation>最低得分</translation>
    </message>
    <message>
        <source>Only boxes the model is at least this sure about are shown.</source>
        <translation>只显示模型把握不低于此值的方框。</translation>
    </message>
    <message>
        <source>Outline regions</source>
        <translation>区域分割</translation>
    </message>
    <message>
        <source>Colour each region of a picture (sky, road, person…) and name it.</source>
        <translation>给图片的每个区域（天空、道路、人物…）上色并标注名称。</translation>
    </message>
    <message>
        <source>For models that find separate objects: keep regions the model is at least this sure about. Models that label every pixel ignore it.</source>
        <translation>适用于识别独立物体的模型：只保留模型把握不低于此值的区域。逐像素标注的模型会忽略此项。</translation>
    </message>
    <message>
        <source>Estimate depth</source>
        <translation>深度估计</translation>
    </message>
    <message>
        <source>Guess how far away each part of a photo is, as a shaded depth map.</source>
        <translation>估计照片中各部分的远近，生成一张明暗表示的深度图。</translation>
    </message>
    <message>
        <source>Classify sounds</source>
        <translation>声音分类</translation>
    </message>
    <message>
        <source>Say what a recording sounds like (speech, music, a dog barking…), with a score for each label.</source>
        <translation>判断录音里是什么声音（说话、音乐、狗叫…），并给每个标签打分。</translation>
    </message>
    <message>
        <source>Seconds to listen to</source>
        <translation>收听秒数</translation>
    </message>
    <message>
        <source>Only the start of each recording is heard, in 10-second pieces whose scores are averaged.</source>
        <translation>只听每段录音的开头部分，按 10 秒一段处理，再取各段得分的平均值。</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <source>Turn text into spoken audio you can play and save as a WAV file.</source>
        <translation>把文字转成语音，可以播放，也可以保存为 WAV 文件。</translation>
    </message>
    <message>
        <source>Ask an image</source>
        <translation>看图问答</translation>
    </message>
    <message>
        <source>Ask a question about a picture and get a written answer.</source>
        <translation>就一张图片提问，得到文字回答。</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Your question about each picture.</source>
        <translation>你想就每张图片提出的问题。</translation>
    </message>
    <message>
        <source>What is written on the sign?</source>
        <translation>牌子上写着什么？</translation>
    </message>
    <message>
        <source>Max answer tokens</source>
        <translation>回答最多词元数</translation>
    </message>
    <message>
        <source>The longest answer, in tokens (about ¾ of a word each).</source>
        <translation>回答的最大长度，以词元计（每个词元约为 ¾ 个英文单词）。</translation>
    </message>
    <message>
        <source>any-to-any</source>
        <translation>任意模态转换</translation>
    </message>
    <message>
        <source>audio-classification</source>
        <translation>音频分类</translation>
    </message>
    <message>
        <source>automatic-speech-recognition</source>
        <translation>自动语音识别</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>depth-estimation</source>
        <translation>深度估计</translation>
    </message>
    <message>
        <source>document-question-answering</source>
        <translation>文档问答</translation>
    </message>
    <message>
        <source>feature-extraction</source>
        <translation>特征提取</translation>
    </message>
    <message>
        <source>fill-mask</source>
        <translation>掩码填充</translation>
    </message>
    <message>
        <source>image-classification</source>
        <translation>图像分类</translation>
    </message>
    <message>
        <source>image-feature-extraction</source>
        <translation>图像特征提取</translation>
    </message>
    <message>
        <source>image-segmentation</source>
        <translation>图像分割</translation>
    </message>
    <message>
        <source>image-text-to-text</source>
        <translation>图文生成文本</translation>
    </message>
    <message>
        <source>keypoint-matching</source>
        <translation>关键点匹配</translation>
    </message>
    <message>
        <source>mask-generation</source>
        <translation>掩码生成</translation>
    </message>
    <message>
        <source>object-detection</source>
        <translation>目标检测</translation>
    </message>
    <message>
        <source>table-question-answering</source>
        <translation>表格问答</translation>
    </message>
    <message>
        <source>text-classification</source>
        <translation>文本分类</translation>
    </message>
    <message>
        <source>text-generation</source>
        <translation>文本生成</translation>
    </message>
    <message>
        <source>text-to-audio</source>
        <translation>文本转音频</translation>
    </message>
    <message>
        <source>token-classification</source>
        <translation>词元分类</translation>
    </message>
    <message>
        <source>video-classification</source>
        <translation>视频分类</translation>
    </message>
    <message>
        <source>zero-shot-audio-classification</source>
        <translation>零样本音频分类</translation>
    </message>
    <message>
        <source>zero-shot-classification</source>
        <translation>零样本分类</translation>
    </message>
    <message>
        <source>zero-shot-image-classification</source>
        <translation>零样本图像分类</translation>
    </message>
    <message>
        <source>zero-shot-object-detection</source>
        <translation>零样本目标检测</translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <translation>南非荷兰语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>保加利亚语</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>加泰罗尼亚语</translation>
    </message>
    <message>
        <source>Czech</source>
        <translation>捷克语</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>丹麦语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Greek</source>
        <translation>希腊语</translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation>爱沙尼亚语</translation>
    </message>
    <message>
        <source>Basque</source>
        <translation>巴斯克语</translation>
    </message>
    <message>
        <source>Persian</source>
        <translation>波斯语</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>芬兰语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>Galician</source>
        <translation>加利西亚语</translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation>希伯来语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation>克罗地亚语</translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation>匈牙利语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印度尼西亚语</translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation>冰岛语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation>拉脱维亚语</translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation>立陶宛语</translation>
    </message>
    <message>
        <source>Malay</source>
        <translation>马来语</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>荷兰语</translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation>挪威语</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>波兰语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation>罗马尼亚语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation>斯洛伐克语</translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation>斯洛文尼亚语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation>塞尔维亚语</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>瑞典语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>乌克兰语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation>阿尔巴尼亚语</translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation>阿姆哈拉语</translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation>亚美尼亚语</translation>
    </message>
    <message>
        <source>Assamese</source>
        <translation>阿萨姆语</translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation>阿塞拜疆语</translation>
    </message>
    <message>
        <source>Bashkir</source>
        <translation>巴什基尔语</translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation>白俄罗斯语</translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation>孟加拉语</translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation>波斯尼亚语</translation>
    </message>
    <message>
        <source>Breton</source>
        <translation>布列塔尼语</translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation>粤语</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Faroese</source>
        <translation>法罗语</translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation>格鲁吉亚语</translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation>古吉拉特语</translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation>海地克里奥尔语</translation>
    </message>
    <message>
        <source>Hausa</source>
        <translation>豪萨语</translation>
    </message>
    <message>
        <source>Hawaiian</source>
        <translation>夏威夷语</translation>
    </message>
    <message>
        <source>Javanese</source>
        <translation>爪哇语</translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation>卡纳达语</translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation>哈萨克语</translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation>高棉语</translation>
    </message>
    <message>
        <source>Lao</source>
        <translation>老挝语</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>拉丁语</translation>
    </message>
    <message>
        <source>Lingala</source>
        <translation>林加拉语</translation>
    </message>
    <message>
        <source>Luxembourgish</source>
        <translation>卢森堡语</translation>
    </message>
    <message>
        <source>Macedonian</source>
        <translation>马其顿语</translation>
    </message>
    <message>
        <source>Malagasy</source>
        <translation>马达加斯加语</translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation>马拉雅拉姆语</translation>
    </message>
    <message>
        <source>Maltese</source>
        <translation>马耳他语</translation>
    </message>
    <message>
        <source>Maori</source>
        <translation>毛利语</translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation>马拉地语</translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation>蒙古语</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>缅甸语</translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation>尼泊尔语</translation>
    </message>
    <message>
        <source>Nynorsk</source>
        <translation>新挪威语</translation>
    </message>
    <message>
        <source>Occitan</source>
        <translation>奥克语</translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation>普什图语</translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation>旁遮普语</translation>
    </message>
    <message>
        <source>Sanskrit</source>
        <translation>梵语</translation>
    </message>
    <message>
        <source>Shona</source>
        <translation>绍纳语</translation>
    </message>
    <message>
        <source>Sindhi</source>
        <translation>信德语</translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation>僧伽罗语</translation>
    </message>
    <message>
        <source>Somali</source>
        <translation>索马里语</translation>
    </message>
    <message>
        <source>Sundanese</source>
        <translation>巽他语</translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation>斯瓦希里语</translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation>他加禄语</translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation>塔吉克语</translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation>泰米尔语</translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation>鞑靼语</translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation>泰卢固语</translation>
    </message>
    <message>
        <source>Tibetan</source>
        <translation>藏语</translation>
    </message>
    <message>
        <source>Turkmen</source>
        <translation>土库曼语</translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation>乌尔都语</translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation>乌兹别克语</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>威尔士语</translation>
    </message>
    <message>
        <source>Yiddish</source>
        <translation>意第绪语</translation>
    </message>
    <message>
        <source>Yoruba</source>
        <translation>约鲁巴语</translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation>正在加载 {model}…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Decoding the recording…</source>
        <translation>正在解码录音…</translation>
    </message>
    <message>
        <source>{at} of {total}</source>
        <translation>{at} / {total}</translation>
    </message>
    <message>
        <source>page {page} of {total}</source>
        <translation>第 {page} 页，共 {total} 页</translation>
    </message>
    <message>
        <source>{done} of {total} pieces</source>
        <translation>{done} / {total} 段</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} 个词</translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation>第 {number} 个问题，共 {total} 个</translation>
    </message>
    <message>
        <source>{done} of {total} sentences spoken</source>
        <translation>已朗读 {done} / {total} 句</translation>
    </message>
    <message>
        <source>Looking up &apos;{repo}&apos; on the Hub</source>
        <translation>正在 Hub 上查找“{repo}”</translation>
    </message>
    <message>
        <source>Downloaded {size}</source>
        <translation>已下载 {size}</translation>
    </message>
    <message>
        <source>Already installed</source>
        <translation>已经安装</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <source>{done} of {total}, {speed}/s, {left} left</source>
        <translation>{done} / {total}，{speed}/秒，还剩 {left}</translation>
    </message>
    <message>
        <source>{done} of {total}, {speed}/s</source>
        <translation>{done} / {total}，{speed}/秒</translation>
    </message>
    <message>
        <source>{done} of {total} images</source>
        <translation>{done} / {total} 张图片</translation>
    </message>
    <message>
        <source>{done} of {total} texts</source>
        <translation>{done} / {total} 段文字</translation>
    </message>
    <message>
        <source>could not read &apos;{name}&apos;: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation>这是一个文件夹，不是文件</translation>
    </message>
    <message>
        <source>it is a picture, not a recording</source>
        <translation>这是一张图片，不是录音</translation>
    </message>
    <message>
        <source>it is not a PDF or an image (PNG, JPEG, TIFF, BMP or WebP)</source>
        <translation>这不是 PDF 或图片（PNG、JPEG、TIFF、BMP 或 WebP）</translation>
    </message>
    <message>
        <source>it is not a regular file (a pipe or a device)</source>
        <translation>这不是普通文件（是管道或设备）</translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation>不是文本文件</translation>
    </message>
    <message>
        <source>not a text table (CSV or TSV)</source>
        <translation>不是文本表格（CSV 或 TSV）</translation>
    </message>
    <message>
        <source>not an image</source>
        <translation>不是图片</translation>
    </message>
    <message>
        <source>only http:// and https:// addresses are allowed</source>
        <translation>只允许 http:// 和 https:// 地址</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>没有读取权限</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>这个 PDF 没有页面</translation>
    </message>
    <message>
        <source>the file does not exist (was it moved or deleted?)</source>
        <translation>文件不存在（是否已被移动或删除？）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>the file is too large for a table (over 5 MB)</source>
        <translation>文件太大，不能作为表格（超过 5 MB）</translation>
    </message>
    <message>
        <source>the file is too large for a text list (over 50 MB)</source>
        <translation>文件太大，不能作为文本列表（超过 50 MB）</translation>
    </message>
    <message>
        <source>the image is too large to open safely</source>
        <translation>图片太大，无法安全打开</translation>
    </message>
    <message>
        <source>the prompt is empty</source>
        <translation>提示词是空的</translation>
    </message>
    <message>
        <source>the recording has no sound in it</source>
        <translation>录音里没有声音</translation>
    </message>
    <message>
        <source>the server could not be reached (is the address right, and are you online?)</source>
        <translation>无法连接服务器（地址是否正确？是否已联网？）</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>服务器没有及时响应</translation>
    </message>
    <message>
        <source>the table has a header but no rows</source>
        <translation>表格只有表头，没有数据行</translation>
    </message>
    <message>
        <source>the table is empty</source>
        <translation>表格是空的</translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation>文字是空的</translation>
    </message>
    <message>
        <source>the text is not in UTF-8</source>
        <translation>文字不是 UTF-8 编码</translation>
    </message>
    <message>
        <source>the video has no sound track</source>
        <translation>视频没有音轨</translation>
    </message>
    <message>
        <source>web addresses cannot be read here: download the file and add it from your computer</source>
        <translation>这里不能读取网址：请先下载文件，再从电脑中添加</translation>
    </message>
    <message>
        <source>web addresses cannot be transcribed: download the recording and add it from your computer</source>
        <translation>网址不能直接转写：请先下载录音，再从电脑中添加</translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>it is a picture or document, not a recording</source>
        <translation>这是图片或文档，不是录音</translation>
    </message>
    <message>
        <source>the recording is incomplete: its index is missing, which happens when recording stops before the file is saved</source>
        <translation>录音不完整：缺少索引，通常是录音在文件保存前就停止了</translation>
    </message>
    <message>
        <source>it is a text file, not a recording</source>
        <translation>这是文本文件，不是录音</translation>
    </message>
    <message>
        <source>it is not an audio or video file, or it is damaged</source>
        <translation>这不是音频或视频文件，或者文件已损坏</translation>
    </message>
    <message>
        <source>the PDF cannot be read</source>
        <translation>无法读取这个 PDF</translation>
    </message>
    <message>
        <source>the PDF is damaged or incomplete</source>
        <translation>PDF 已损坏或不完整</translation>
    </message>
    <message>
        <source>the PDF is password-protected</source>
        <translation>PDF 有密码保护</translation>
    </message>
    <message>
        <source>the PDF uses an unsupported kind of encryption</source>
        <translation>PDF 使用了不支持的加密方式</translation>
    </message>
    <message>
        <source>the PDF&apos;s pages are damaged</source>
        <translation>PDF 的页面已损坏</translation>
    </message>
    <message>
        <source>the PDF could only be opened on a second try; please try again</source>
        <translation>PDF 第二次尝试才打开，请再试一次</translation>
    </message>
    <message>
        <source>the PDF has no pages (or its page list is damaged)</source>
        <translation>PDF 没有页面（或页面列表已损坏）</translation>
    </message>
    <message>
        <source>(empty text)</source>
        <translation>（空文字）</translation>
    </message>
    <message>
        <source>(empty prompt)</source>
        <translation>（空提示词）</translation>
    </message>
    <message>
        <source>{count} input(s) could not be read</source>
        <translation>有 {count} 个输入无法读取</translation>
    </message>
    <message>
        <source>Cancelled; finished work is kept.</source>
        <translation>已取消；已完成的部分都已保存。</translation>
    </message>
    <message>
        <source>Not enough memory to finish this job. Try a smaller model, a smaller batch, or close other programs.</source>
        <translation>内存不足，无法完成此任务。请换用更小的模型、更小的批量，或关闭其他程序。</translation>
    </message>
    <message>
        <source>Something went wrong ({detail}). The details are in the log file.</source>
        <translation>出现了问题（{detail}）。详细信息已写入日志文件。</translation>
    </message>
    <message>
        <source>Could not save the results ({detail}). Is the disk full? The results shown so far are saved.</source>
        <translation>无法保存结果（{detail}）。磁盘是否已满？已显示的结果均已保存。</translation>
    </message>
</context>
</TS>
