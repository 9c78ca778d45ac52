<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AssetIdParser</name>
    <message numerus="yes">
        <source>%Ln characters, an asset ID has 32</source>
        <translation>
            <numerusform>%Ln character, an asset ID has 32</numerusform>
            <numerusform>%Ln characters, an asset ID has 32</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicates ignored</source>
        <translation>
            <numerusform>%Ln duplicate ignored</numerusform>
            <numerusform>%Ln duplicates ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln IDs already in the list ignored</source>
        <translation>
            <numerusform>%Ln ID already in the list ignored</numerusform>
            <numerusform>%Ln IDs already in the list ignored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln IDs were in upper case and were converted to lower case</source>
        <translation>
            <numerusform>%Ln ID was in upper case and was converted to lower case</numerusform>
            <numerusform>%Ln IDs were in upper case and were converted to lower case</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln values look like asset IDs but are not valid</source>
        <translation>
            <numerusform>%Ln value looks like an asset ID but is not valid</numerusform>
            <numerusform>%Ln values look like asset IDs but are not valid</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::AssetsPage</name>
    <message numerus="yes">
        <source> · %Ln skipped as confirmed before</source>
        <translation>
            <numerusform> · %Ln skipped as confirmed before</numerusform>
            <numerusform> · %Ln skipped as confirmed before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A batch of %Ln asset(s) started %1 stopped before all were sent: %2 Send the rest? Assets it may have confirmed already are checked first and not sent again.</source>
        <translation>
            <numerusform>A batch of %Ln asset started %1 stopped before all were sent: %2 Send the rest? Assets it may have confirmed already are checked first and not sent again.</numerusform>
            <numerusform>A batch of %Ln assets started %1 stopped before all were sent: %2 Send the rest? Assets it may have confirmed already are checked first and not sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A batch of %Ln asset(s) started %1 did not finish: VOD Confirm was closed, killed or crashed while it ran. Resume it? Assets it may have confirmed already are checked first and not sent again.</source>
        <translation>
            <numerusform>A batch of %Ln asset started %1 did not finish: VOD Confirm was closed, killed or crashed while it ran. Resume it? Assets it may have confirmed already are checked first and not sent again.</numerusform>
            <numerusform>A batch of %Ln assets started %1 did not finish: VOD Confirm was closed, killed or crashed while it ran. Resume it? Assets it may have confirmed already are checked first and not sent again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln older unfinished batch(es): see “vodconfirm history --unfinished”.)</source>
        <translation>
            <numerusform>(%Ln older unfinished batch: see “vodconfirm history --unfinished”.)</numerusform>
            <numerusform>(%Ln older unfinished batches: see “vodconfirm history --unfinished”.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %Ln already confirmed (skipped)</source>
        <translation>
            <numerusform> · %Ln already confirmed (skipped)</numerusform>
            <numerusform> · %Ln already confirmed (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · following %Ln confirmed asset(s)</source>
        <translation>
            <numerusform> · following %Ln confirmed asset</numerusform>
            <numerusform> · following %Ln confirmed assets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::BatchRunner</name>
    <message numerus="yes">
        <source>%Ln attempt(s) could not be saved to the history (%1).</source>
        <translation>
            <numerusform>%Ln attempt could not be saved to the history (%1).</numerusform>
            <numerusform>%Ln attempts could not be saved to the history (%1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) could not be sent.</source>
        <translation>
            <numerusform>%Ln asset could not be sent.</numerusform>
            <numerusform>%Ln assets could not be sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::Cli</name>
    <message numerus="yes">
        <source>%Ln asset(s): %1 confirmed, %2 failed, %3 not sent</source>
        <translation>
            <numerusform>%Ln asset: %1 confirmed, %2 failed, %3 not sent</numerusform>
            <numerusform>%Ln assets: %1 confirmed, %2 failed, %3 not sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln skipped (already confirmed)</source>
        <translation>
            <numerusform>, %Ln skipped (already confirmed)</numerusform>
            <numerusform>, %Ln skipped (already confirmed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) left to send: %2 resume %1</source>
        <translation>
            <numerusform>%Ln asset left to send: %2 resume %1</numerusform>
            <numerusform>%Ln assets left to send: %2 resume %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Batch %1 marked as finished; %Ln asset(s) were left unconfirmed.</source>
        <translation>
            <numerusform>Batch %1 marked as finished; %Ln asset was left unconfirmed.</numerusform>
            <numerusform>Batch %1 marked as finished; %Ln assets were left unconfirmed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming batch %1: %Ln asset(s) confirmed before, %2 failed before, %3 to check and finish.</source>
        <translation>
            <numerusform>Resuming batch %1: %Ln asset confirmed before, %2 failed before, %3 to check and finish.</numerusform>
            <numerusform>Resuming batch %1: %Ln assets confirmed before, %2 failed before, %3 to check and finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s)</source>
        <translation>
            <numerusform>%Ln asset</numerusform>
            <numerusform>%Ln assets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stuck upload(s) created from %1 to %2 (%L3 requests, %4 s).</source>
        <translation>
            <numerusform>%Ln stuck upload created from %1 to %2 (%L3 requests, %4 s).</numerusform>
            <numerusform>%Ln stuck uploads created from %1 to %2 (%L3 requests, %4 s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln upload(s) (status CREATED)?</source>
        <translation>
            <numerusform>Confirm %Ln upload (status CREATED)?</numerusform>
            <numerusform>Confirm %Ln uploads (status CREATED)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln upload(s) as failed (status FAILED)?</source>
        <translation>
            <numerusform>Mark %Ln upload as failed (status FAILED)?</numerusform>
            <numerusform>Mark %Ln uploads as failed (status FAILED)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln upload(s) (status CANCELLED)?</source>
        <translation>
            <numerusform>Cancel %Ln upload (status CANCELLED)?</numerusform>
            <numerusform>Cancel %Ln uploads (status CANCELLED)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln already confirmed (skipped: state read before sending)</source>
        <translation>
            <numerusform>, %Ln already confirmed (skipped: state read before sending)</numerusform>
            <numerusform>, %Ln already confirmed (skipped: state read before sending)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s): %1 confirmed, %2 failed, %3 cancelled, %4 not finished</source>
        <translation>
            <numerusform>%Ln file: %1 confirmed, %2 failed, %3 cancelled, %4 not finished</numerusform>
            <numerusform>%Ln files: %1 confirmed, %2 failed, %3 cancelled, %4 not finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln refused</source>
        <translation>
            <numerusform>, %Ln refused</numerusform>
            <numerusform>, %Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>--title names one asset: give one file with it (%Ln given).</source>
        <translation>
            <numerusform>--title names one asset: give one file with it (%Ln given).</numerusform>
            <numerusform>--title names one asset: give one file with it (%Ln given).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln batch(es) or upload(s) interrupted: resuming the newest, %1 (see &apos;%2 resume --list&apos;).</source>
        <translation>
            <numerusform>%Ln batch or upload interrupted: resuming the newest, %1 (see &apos;%2 resume --list&apos;).</numerusform>
            <numerusform>%Ln batches or uploads interrupted: resuming the newest, %1 (see &apos;%2 resume --list&apos;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::ConfirmEngine</name>
    <message numerus="yes">
        <source>gave up after %Ln attempt(s)</source>
        <translation>
            <numerusform>gave up after %Ln attempt</numerusform>
            <numerusform>gave up after %Ln attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::HistoryStore</name>
    <message numerus="yes">
        <source>Could not save %Ln attempt(s) to the history: %1.</source>
        <translation>
            <numerusform>Could not save %Ln attempt to the history: %1.</numerusform>
            <numerusform>Could not save %Ln attempts to the history: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The oldest %Ln could not be kept and are lost.</source>
        <translation>
            <numerusform>The oldest %Ln could not be kept and is lost.</numerusform>
            <numerusform>The oldest %Ln could not be kept and are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::HistoryView</name>
    <message numerus="yes">
        <source>%Ln attempt(s)</source>
        <translation>
            <numerusform>%Ln attempt</numerusform>
            <numerusform>%Ln attempts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) put back into the asset table.</source>
        <translation>
            <numerusform>%Ln asset put back into the asset table.</numerusform>
            <numerusform>%Ln assets put back into the asset table.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln attempt(s) older than %1 days deleted.</source>
        <translation>
            <numerusform>%Ln attempt older than %1 days deleted.</numerusform>
            <numerusform>%Ln attempts older than %1 days deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting history older than %Ln day(s)…</source>
        <translation>
            <numerusform>Deleting history older than %Ln day…</numerusform>
            <numerusform>Deleting history older than %Ln days…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::MainWindow</name>
    <message numerus="yes">
        <source>, %Ln skipped as confirmed before</source>
        <translation>
            <numerusform>, %Ln skipped as confirmed before</numerusform>
            <numerusform>, %Ln skipped as confirmed before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied the command lines for %Ln selected row(s).</source>
        <translation>
            <numerusform>Copied the command lines for %Ln selected row.</numerusform>
            <numerusform>Copied the command lines for %Ln selected rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied a support bundle for %Ln selected row(s): paste it into your support ticket.</source>
        <translation>
            <numerusform>Copied a support bundle for %Ln selected row: paste it into your support ticket.</numerusform>
            <numerusform>Copied a support bundle for %Ln selected rows: paste it into your support ticket.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln already confirmed (skipped)</source>
        <translation>
            <numerusform>, %Ln already confirmed (skipped)</numerusform>
            <numerusform>, %Ln already confirmed (skipped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln upload(s) are done. Close now? The others are paused and can be resumed on the Uploads tab the next time, from the last part that arrived.</source>
        <translation>
            <numerusform>%1 of %Ln upload is done. Close now? The other is paused and can be resumed on the Uploads tab the next time, from the last part that arrived.</numerusform>
            <numerusform>%1 of %Ln uploads are done. Close now? The others are paused and can be resumed on the Uploads tab the next time, from the last part that arrived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) could not be queued:</source>
        <translation>
            <numerusform>%Ln file could not be queued:</numerusform>
            <numerusform>%Ln files could not be queued:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading %1 of %Ln file(s), %2%</source>
        <translation>
            <numerusform>Uploading %1 of %Ln file, %2%</numerusform>
            <numerusform>Uploading %1 of %Ln files, %2%</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckLister</name>
    <message numerus="yes">
        <source>Gave up after %Ln attempt(s).</source>
        <translation>
            <numerusform>Gave up after %Ln attempt.</numerusform>
            <numerusform>Gave up after %Ln attempts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln asset(s) listed: every stuck upload created after %1.</source>
        <translation>
            <numerusform>%Ln asset listed: every stuck upload created after %1.</numerusform>
            <numerusform>%Ln assets listed: every stuck upload created after %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckPage</name>
    <message numerus="yes">
        <source>%Ln upload(s)</source>
        <translation>
            <numerusform>%Ln upload</numerusform>
            <numerusform>%Ln uploads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln upload(s) shown</source>
        <translation>
            <numerusform>%1 of %Ln upload shown</numerusform>
            <numerusform>%1 of %Ln uploads shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln sent to a batch</source>
        <translation>
            <numerusform>, %Ln sent to a batch</numerusform>
            <numerusform>, %Ln sent to a batch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listing uploads created between %1 that nobody confirmed… %Ln found so far</source>
        <translation>
            <numerusform>Listing uploads created between %1 that nobody confirmed… %Ln found so far</numerusform>
            <numerusform>Listing uploads created between %1 that nobody confirmed… %Ln found so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%Ln request(s))</source>
        <translation>
            <numerusform> (%Ln request)</numerusform>
            <numerusform> (%Ln requests)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting %Ln s: %1</source>
        <translation>
            <numerusform>Waiting %Ln s: %1</numerusform>
            <numerusform>Waiting %Ln s: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not listed yet. Refresh lists the uploads created between %1 (by default the last %Ln days) that nobody confirmed.</source>
        <translation>
            <numerusform>Not listed yet. Refresh lists the uploads created between %1 (by default the last day) that nobody confirmed.</numerusform>
            <numerusform>Not listed yet. Refresh lists the uploads created between %1 (by default the last %Ln days) that nobody confirmed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listed %Ln stuck upload(s) created between %1, %2.</source>
        <translation>
            <numerusform>Listed %Ln stuck upload created between %1, %2.</numerusform>
            <numerusform>Listed %Ln stuck uploads created between %1, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln upload(s) listed, created after %1, are kept; older ones were not listed.</source>
        <translation>
            <numerusform>The %Ln upload listed, created after %1, is kept; older ones were not listed.</numerusform>
            <numerusform>The %Ln uploads listed, created after %1, are kept; older ones were not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln upload(s)?</source>
        <translation>
            <numerusform>Confirm %Ln upload?</numerusform>
            <numerusform>Confirm %Ln uploads?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Confirm %Ln Upload(s)</source>
        <translation>
            <numerusform>Confirm %Ln Upload</numerusform>
            <numerusform>Confirm %Ln Uploads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln upload(s) as failed?</source>
        <translation>
            <numerusform>Mark %Ln upload as failed?</numerusform>
            <numerusform>Mark %Ln uploads as failed?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mark %Ln as Failed</source>
        <translation>
            <numerusform>Mark %Ln as Failed</numerusform>
            <numerusform>Mark %Ln as Failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln upload(s)?</source>
        <translation>
            <numerusform>Cancel %Ln upload?</numerusform>
            <numerusform>Cancel %Ln uploads?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln Upload(s)</source>
        <translation>
            <numerusform>Cancel %Ln Upload</numerusform>
            <numerusform>Cancel %Ln Uploads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::StuckTableModel</name>
    <message numerus="yes">
        <source>%Ln s</source>
        <translation>
            <numerusform>%Ln s</numerusform>
            <numerusform>%Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln min</numerusform>
            <numerusform>%Ln min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln h</source>
        <translation>
            <numerusform>%Ln h</numerusform>
            <numerusform>%Ln h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln day</numerusform>
            <numerusform>%Ln days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::SupportText</name>
    <message numerus="yes">
        <source>Attempts: %L1, the newest %Ln below (oldest first, times in UTC)</source>
        <translation>
            <numerusform>Attempts: %L1, the newest %Ln below (oldest first, times in UTC)</numerusform>
            <numerusform>Attempts: %L1, the newest %Ln below (oldest first, times in UTC)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attempts: %Ln (oldest first, times in UTC)</source>
        <translation>
            <numerusform>Attempts: %Ln (oldest first, times in UTC)</numerusform>
            <numerusform>Attempts: %Ln (oldest first, times in UTC)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected row(s) left out: they hold control characters a terminal could act on.</source>
        <translation>
            <numerusform>%Ln selected row left out: it holds control characters a terminal could act on.</numerusform>
            <numerusform>%Ln selected rows left out: they hold control characters a terminal could act on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more selected asset(s) left out: a bundle holds at most %L1.</source>
        <translation>
            <numerusform>%Ln more selected asset left out: a bundle holds at most %L1.</numerusform>
            <numerusform>%Ln more selected assets left out: a bundle holds at most %L1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadDialog</name>
    <message numerus="yes">
        <source>%Ln file(s) in the folders are not video or audio files VOD takes and were left out.</source>
        <translation>
            <numerusform>%Ln file in the folders is not a video or audio file VOD takes and was left out.</numerusform>
            <numerusform>%Ln files in the folders are not video or audio files VOD takes and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more refused (the Type column&apos;s tooltip says why).</source>
        <translation>
            <numerusform>… and %Ln more refused (the Type column&apos;s tooltip says why).</numerusform>
            <numerusform>… and %Ln more refused (the Type column&apos;s tooltip says why).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) to upload, %1 in all.</source>
        <translation>
            <numerusform>%Ln file to upload, %1 in all.</numerusform>
            <numerusform>%Ln files to upload, %1 in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln file(s) refused: see below.</source>
        <translation>
            <numerusform>%Ln file refused: see below.</numerusform>
            <numerusform>%Ln files refused: see below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadRunner</name>
    <message numerus="yes">
        <source>paused: %1 failed after %Ln attempt(s): %2</source>
        <translation>
            <numerusform>paused: %1 failed after %Ln attempt: %2</numerusform>
            <numerusform>paused: %1 failed after %Ln attempts: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 failed after %Ln attempt(s): %2</source>
        <translation>
            <numerusform>%1 failed after %Ln attempt: %2</numerusform>
            <numerusform>%1 failed after %Ln attempts: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>retrying %1 in %Ln s</source>
        <translation>
            <numerusform>retrying %1 in %Ln s</numerusform>
            <numerusform>retrying %1 in %Ln s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadTableModel</name>
    <message numerus="yes">
        <source>about %Ln s</source>
        <translation>
            <numerusform>about %Ln s</numerusform>
            <numerusform>about %Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %Ln min</source>
        <translation>
            <numerusform>about %Ln min</numerusform>
            <numerusform>about %Ln min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VodConfirm::UploadsPage</name>
    <message numerus="yes">
        <source>Cancel %Ln upload(s)?</source>
        <translation>
            <numerusform>Cancel %Ln upload?</numerusform>
            <numerusform>Cancel %Ln uploads?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %Ln Upload(s)</source>
        <translation>
            <numerusform>Cancel %Ln Upload</numerusform>
            <numerusform>Cancel %Ln Uploads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln asset ID(s).</source>
        <translation>
            <numerusform>Copied %Ln asset ID.</numerusform>
            <numerusform>Copied %Ln asset IDs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln file(s)</source>
        <translation>
            <numerusform>%1 of %Ln file</numerusform>
            <numerusform>%1 of %Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln paused</source>
        <translation>
            <numerusform>%Ln paused</numerusform>
            <numerusform>%Ln paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln interrupted upload(s) to resume</source>
        <translation>
            <numerusform>%Ln interrupted upload to resume</numerusform>
            <numerusform>%Ln interrupted uploads to resume</numerusform>
        </translation>
    </message>
</context>
</TS>
