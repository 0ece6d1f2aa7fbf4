<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccountRow</name>
    <message>
        <source>Paste an access token (hf_…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a read token at huggingface.co/settings/tokens. It is kept where the Hugging Face tools keep it, on this computer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in: gated models you were granted can be downloaded now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out: the token was removed from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to the Hub as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated models need a Hugging Face token:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswersDetail</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected answer (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy every question and answer, ready to paste into a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another possible answer, with a lower confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer was found: the document seems to have no readable text (a blank page, or a very faint scan).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes about how this document was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model gives no confidence score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to see it on page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other possible answers:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudioResultDetail</name>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length {0} · {1} Hz · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audio file is gone (moved or deleted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sound output found: use Save as… and play the file elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot play this audio: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAV audio (*.wav)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>No preview</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch what this model needs into the Hugging Face cache, for offline use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its description, files and memory needs show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weights {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gated: accept its licence on the Hub first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the model card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*This model has no description on the Hub.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download fetches {0}: only what a pipeline needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only older PyTorch weights exist for this model; you will be asked before they are downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory needed: unknown (the Hub does not list its size).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs about {0} of memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fits in memory: needs about {0} of the {1} free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tight: needs about {0} of the {1} free; close other programs first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will not fit: needs about {0}, but only {1} is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the download of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EntitiesDetail</name>
    <message>
        <source>Name</source>
        <extracomment>Light backgrounds (dark text stays readable on them in light and dark themes alike).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No names found in this text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading past jobs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No jobs yet. Each job you run is listed here, and can be opened again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageResultDetail</name>
    <message>
        <source>Save image…</source>
        <extracomment>Distinct colours, given to labels in the order they first appear in a result. Anchors of the depth colour scale (dark = low values, light = high), like &quot;magma&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No preview of the picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Box from ({0}, {1}) to ({2}, {3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} object(s) found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No objects found above the minimum score. Lower it to see less certain ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} region(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No regions found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light means a higher value: nearer for Depth Anything and DPT models, farther for models that measure metres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Type or paste texts here, one per line.

Example: Dear Amazon, last week I ordered an Optimus Prime action figure, but received a Megatron one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type or paste your text here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open text file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files or a folder here, or use Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported files ({0});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt *.csv *.tsv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstalledModelsModel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstalledPage</name>
    <message>
        <source>Models on this computer, in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for installed models…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models installed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 model, {1} on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} models, {1} on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &apos;{0}&apos; from this computer? This frees {1} of disk space; you can download it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed &apos;{0}&apos;: {1} freed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemsModel</name>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} s of sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelsModel</name>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model id or folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the AI engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device and model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full (float32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half (float16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half (bfloat16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4-bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8-bit and 4-bit need the bitsandbytes package and a CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Pipedeck starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The AI engine could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job history could not be read and was set aside; a new one was started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another job is running; wait for it or cancel it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about {0} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} input(s) could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow pickle weights?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model&apos;s weights are stored as a Python pickle (.bin file). Opening a pickle can run any code its author put in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow the model&apos;s own code?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model needs to run Python code from its repository on your computer. That code can do anything your account can do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow it for this model only if you trust its author.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow for this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a job from the history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPickerDialog</name>
    <message>
        <source>Choose a model for “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a local folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are offline: showing installed models only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search models by name, e.g. whisper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most liked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multilingual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models found for this task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded {0} to {1}. It works offline now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download cancelled; the files already finished are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; only has PyTorch pickle weights ({1}). Loading such files can run any program its authors put in them, with your permissions.

Download them only if you trust who published this model. Download anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download pickle weights?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PageView</name>
    <message>
        <source>the document has no page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the page&apos;s width in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading page {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page cannot be shown: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}:</source>
        <extracomment>Widgets for particular parameters, by name (a question list with presets, say): a factory, or where it lives as &quot;module:function&quot;, imported when a form first needs it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <source>Invoice number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the invoice number?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the invoice date?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the due date?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the total amount?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the tax amount?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is the vendor?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is the customer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add questions that invoices usually answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All invoice questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Results appear here once a job runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result of the input selected above is shown here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Likes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authors ask you to accept a licence on the Hub first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Hub does not list the size of this model&apos;s weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentsModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskTab</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add something to work on first: drop files here, or type some text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptDetail</name>
    <message>
        <source>Search the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speech was found in this recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback is not available here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptExportDialog</name>
    <message>
        <source>Text (.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text with times (.timestamps.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtitles (.srt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web subtitles (.vtt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything, for other programs (.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save next to each recording</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VectorDetail</name>
    <message>
        <source>Save as .npy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the vectors of all texts of this job as one NumPy array, one row per text, in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} tokens × {1} numbers each. The vector is their average ({2} numbers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text was longer than the model reads; only its beginning was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NumPy array (*.npy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0} vector(s) to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong, but your finished work is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details are in the log file: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>Transcribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn recordings (interviews, lectures, meetings) into time-coded text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The seed used openai/whisper-large-v2; whisper-small is offered by default because it runs at a usable speed on a laptop CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spoken language, or Detect to let the model find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate to English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max tokens per piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic is fast on a CPU and careful on a graphics card. Careful decoding takes about twice as long on a CPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fast (one guess)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careful (five guesses)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic uses int8 on a CPU: about twice as fast, with the same accuracy on our measurements (benchmarks/ASR_RESULTS.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster (int8, CPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact (float)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many inputs the model handles at once. Automatic uses 1 on a CPU, where batching does not help, and 8 on a GPU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask questions of scanned invoices, photos and PDFs, offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One question per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is the invoice number?
What is the total amount?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what an image shows, with a score for each label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the most likely labels to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort texts into labels you choose, without training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labels to choose from, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urgent, not urgent, phone, tablet, computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several labels can apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score each label on its own instead of picking one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hypothesis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue a prompt or chat with an instruction-tuned model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max new tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 always picks the likeliest word; higher is more varied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the model&apos;s chat template (for instruction-tuned models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell whether each text is positive or negative (or the labels the model was trained on), with a score for each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the names of people, places and organisations in texts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How word pieces are joined into names. &apos;Whole names&apos; suits most uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By first word piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By average score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By best word piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each word piece</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest the missing word: write [MASK] where it goes, e.g. &apos;Paris is the [MASK] of France.&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many of the likeliest words to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embed texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn each text into a list of numbers (an embedding) for search, clustering or your own analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vector is the mean of the token vectors (not normalised), as sentence-transformers computes for all-MiniLM-L6-v2 before its final normalisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask questions of a spreadsheet saved as CSV: totals, counts, which row has what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which city has the most people?
How many rows are there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort pictures into labels you type, without training a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cat, dog, receipt, beach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How each label is described to the model; {} is where the label goes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the objects in a picture and draw a labelled box around each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DETR models (facebook/detr-resnet-50) need the timm package; YOLOS does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only boxes the model is at least this sure about are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outline regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour each region of a picture (sky, road, person…) and name it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For models that find separate objects: keep regions the model is at least this sure about. Models that label every pixel ignore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guess how far away each part of a photo is, as a shaded depth map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what a recording sounds like (speech, music, a dog barking…), with a score for each label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to listen to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the start of each recording is heard, in 10-second pieces whose scores are averaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn text into spoken audio you can play and save as a WAV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a question about a picture and get a written answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your question about each picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is written on the sign?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max answer tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The longest answer, in tokens (about ¾ of a word each).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any-to-any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audio-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatic-speech-recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>depth-estimation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document-question-answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature-extraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill-mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image-feature-extraction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image-segmentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image-text-to-text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keypoint-matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mask-generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object-detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table-question-answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text-generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text-to-audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-shot-audio-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-shot-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-shot-image-classification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero-shot-object-detection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afrikaans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Czech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Danish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Greek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estonian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Galician</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hebrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Croatian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hungarian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Icelandic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Italian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Korean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latvian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lithuanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Norwegian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Romanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slovak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slovenian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serbian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Albanian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amharic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Armenian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Azerbaijani</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bashkir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belarusian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bengali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bosnian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cantonese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faroese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Georgian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gujarati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haitian Creole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hausa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hawaiian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Javanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kannada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Khmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luxembourgish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Macedonian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malagasy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Malayalam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maltese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marathi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mongolian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nepali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nynorsk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occitan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pashto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Punjabi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sanskrit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sindhi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinhala</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sundanese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swahili</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tajik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tamil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tatar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telugu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tibetan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turkmen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urdu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uzbek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yiddish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yoruba</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading {model}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoding the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{at} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page {page} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} pieces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} sentences spoken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up &apos;{repo}&apos; on the Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}, {speed}/s, {left} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total}, {speed}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done} of {total} texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read &apos;{name}&apos;: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a folder, not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a picture, not a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a PDF or an image (PNG, JPEG, TIFF, BMP or WebP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a regular file (a pipe or a device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a text table (CSV or TSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only http:// and https:// addresses are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file does not exist (was it moved or deleted?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too large for a table (over 5 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is too large for a text list (over 50 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the image is too large to open safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the prompt is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording has no sound in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not be reached (is the address right, and are you online?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table has a header but no rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the table is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is not in UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the video has no sound track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web addresses cannot be read here: download the file and add it from your computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web addresses cannot be transcribed: download the recording and add it from your computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a picture or document, not a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recording is incomplete: its index is missing, which happens when recording stops before the file is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a text file, not a recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an audio or video file, or it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is damaged or incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF is password-protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF uses an unsupported kind of encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF&apos;s pages are damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could only be opened on a second try; please try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF has no pages (or its page list is damaged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty prompt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} input(s) could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; finished work is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough memory to finish this job. Try a smaller model, a smaller batch, or close other programs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong ({detail}). The details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the results ({detail}). Is the disk full? The results shown so far are saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
