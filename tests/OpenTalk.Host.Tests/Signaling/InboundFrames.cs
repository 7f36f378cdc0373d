using System.Text.Json.Nodes;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>
/// One well-formed sample of every inbound signaling message, as docs/protocol.md describes them:
/// the seeds that the fuzz tests corrupt field by field.
/// </summary>
public static class InboundFrames
{
    private static readonly string Id = "4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11";
    private static readonly string Other = "8d2e3a55-1b7c-4e1f-8a2b-6c5d4e3f2a10";

    public static readonly IReadOnlyList<(string Namespace, string Action, string Payload)> All =
    [
        ("control", "join", """{"display_name":"Ada"}"""),
        ("control", "enter_room", "{}"),
        ("control", "raise_hand", "{}"),
        ("control", "lower_hand", "{}"),
        ("control", "grant_moderator_role", $$"""{"target":"{{Id}}"}"""),
        ("control", "revoke_moderator_role", $$"""{"target":"{{Id}}"}"""),
        ("control", "leave", "{}"),
        ("echo", "ping", "{}"),
        ("moderation", "accept", $$"""{"target":"{{Id}}"}"""),
        ("moderation", "accept_all", "{}"),
        ("moderation", "kick", $$"""{"target":"{{Id}}"}"""),
        ("moderation", "ban", $$"""{"target":"{{Id}}"}"""),
        ("moderation", "send_to_waiting_room", $$"""{"target":"{{Id}}"}"""),
        ("moderation", "debrief", """{"kick_scope":"guests"}"""),
        ("moderation", "change_display_name", $$"""{"target":"{{Id}}","new_name":"Bea"}"""),
        ("moderation", "enable_waiting_room", "{}"),
        ("moderation", "disable_waiting_room", "{}"),
        ("moderation", "enable_raise_hands", "{}"),
        ("moderation", "disable_raise_hands", "{}"),
        ("moderation", "reset_raised_hands", $$"""{"target":"{{Id}}"}"""),
        ("moderation", "mute", $$"""{"targets":["{{Id}}"],"force":true}"""),
        ("chat", "send_message", """{"content":"hello","scope":"global"}"""),
        ("chat", "send_message", $$"""{"content":"hello","scope":"private","target":"{{Id}}"}"""),
        ("chat", "send_message", """{"content":"hello","scope":"group","target":"staff"}"""),
        ("chat", "enable_chat", "{}"),
        ("chat", "disable_chat", "{}"),
        ("chat", "clear_history", "{}"),
        ("chat", "set_last_seen_timestamp", """{"timestamp":"2026-12-01T10:00:00Z","scope":"global"}"""),
        ("chat", "get_history_chunk", $$"""{"before":"{{Id}}","count":20}"""),
        ("chat", "search_history", """{"query":"hello"}"""),
        ("timer", "start", """{"kind":"countdown","style":"coffee-break","duration":60,"title":"Break","enable_ready_check":true,"end_when_all_ready":false}"""),
        ("timer", "stop", $$"""{"timer_id":"{{Id}}"}"""),
        ("timer", "update_ready_status", $$"""{"timer_id":"{{Id}}","status":true}"""),
        ("polls", "start", """{"topic":"Lunch?","choices":["yes","no"],"duration":30,"live":true,"multiple_choice":false,"allow_editing":false}"""),
        ("polls", "vote", $$"""{"poll_id":"{{Id}}","choices":[0,1]}"""),
        ("polls", "vote", $$"""{"poll_id":"{{Id}}","choice_id":1}"""),
        ("polls", "finish", $$"""{"id":"{{Id}}"}"""),
        ("automod", "start", $$"""{"selection_strategy":"playlist","playlist":["{{Id}}"],"time_limit":30,"allow_double_selection":false}"""),
        ("automod", "edit", $$"""{"playlist":["{{Id}}","{{Other}}"]}"""),
        ("automod", "stop", "{}"),
        ("automod", "select", $$"""{"how":"specific","participant":"{{Id}}"}"""),
        ("automod", "yield", $$"""{"next":"{{Id}}"}"""),
        ("legal_vote", "start", $$"""{"name":"Budget","kind":"roll_call","allowed_participants":["{{Id}}"],"duration":60,"enable_abstain":true,"auto_close":true}"""),
        ("legal_vote", "vote", $$"""{"legal_vote_id":"{{Id}}","option":"yes","token":"abc"}"""),
        ("legal_vote", "stop", $$"""{"legal_vote_id":"{{Id}}"}"""),
        ("legal_vote", "cancel", $$"""{"legal_vote_id":"{{Id}}","reason":"typo"}"""),
        ("subroom_audio", "create_whisper_group", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("subroom_audio", "invite_to_whisper_group", $$"""{"whisper_id":"{{Id}}","participant_ids":["{{Other}}"]}"""),
        ("subroom_audio", "accept_whisper_invite", $$"""{"whisper_id":"{{Id}}"}"""),
        ("subroom_audio", "decline_whisper_invite", $$"""{"whisper_id":"{{Id}}"}"""),
        ("subroom_audio", "kick_whisper_participants", $$"""{"whisper_id":"{{Id}}","participant_ids":["{{Other}}"]}"""),
        ("subroom_audio", "leave_whisper_group", $$"""{"whisper_id":"{{Id}}"}"""),
        ("breakout", "start", $$"""{"rooms":[{"name":"A","assignments":["{{Id}}"]},{"name":"B","assignments":[]}],"duration":600}"""),
        ("breakout", "stop", "{}"),
        ("media", "publish", """{"media_session_type":"video","sdp":"v=0"}"""),
        ("media", "publish", $$"""{"media_session_type":"whisper","sdp":"v=0","whisper_id":"{{Id}}"}"""),
        ("media", "publish_complete", """{"media_session_type":"video","media_session_state":{"audio":true,"video":false}}"""),
        ("media", "update_media_session", """{"media_session_type":"screen","media_session_state":{"screen":{"audio":false,"video":true}}}"""),
        ("media", "unpublish", """{"media_session_type":"screen"}"""),
        ("media", "subscribe", $$"""{"media_session_type":"video","target":"{{Id}}","without_video":false}"""),
        ("media", "resubscribe", $$"""{"media_session_type":"video","target":"{{Id}}"}"""),
        ("media", "sdp_answer", $$"""{"media_session_type":"video","target":"{{Id}}","sdp":"v=0"}"""),
        ("media", "sdp_candidate", $$$"""{"media_session_type":"video","target":"{{{Id}}}","candidate":{"candidate":"candidate:1 1 udp 1 10.0.0.1 9 typ host","sdpMLineIndex":0,"sdpMid":"0"}}"""),
        ("media", "sdp_end_of_candidates", $$"""{"media_session_type":"video","target":"{{Id}}"}"""),
        ("media", "configure", $$$"""{"media_session_type":"video","target":"{{{Id}}}","configuration":{"video":true,"substream":1}}"""),
        ("media", "moderator_mute", $$"""{"targets":["{{Id}}"],"force":false}"""),
        ("media", "grant_presenter_role", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("media", "revoke_presenter_role", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("media", "allow_unmute", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("media", "require_presenter_role", """{"required":true}"""),
        ("media", "update_speaking_state", """{"is_speaking":true}"""),
        ("media", "moderator_enable_force_mute", $$"""{"allow_list":["{{Id}}"]}"""),
        ("media", "moderator_disable_force_mute", "{}"),
        ("recording", "start_stream", $$"""{"target_ids":["{{Id}}","{{Other}}"]}"""),
        ("recording", "pause_stream", $$"""{"target_ids":["{{Id}}"]}"""),
        ("recording", "stop_stream", $$"""{"target_ids":["{{Id}}"]}"""),
        ("recording", "set_consent", """{"consent":true}"""),
        ("recording_service", "stream_updated", $$"""{"target_id":"{{Id}}","status":"active"}"""),
        ("recording_service", "forward", $$"""{"target":"{{Id}}","media_session_type":"video","host":"10.0.0.5","audio_port":40000,"video_port":40002}"""),
        ("recording_service", "stop_forward", $$"""{"target":"{{Id}}","media_session_type":"screen"}"""),
        ("recording_service", "keyframe", $$"""{"target":"{{Id}}","media_session_type":"video"}"""),
        ("recording_service", "stream_updated", $$$"""{"target_id":"{{{Id}}}","status":"error","reason":{"code":"connection_failed","message":"Cannot reach the server."}}"""),
        ("call_in", "publish", "{}"),
        ("call_in", "unpublish", "{}"),
        ("call_in", "forward", $$"""{"target":"{{Id}}","host":"10.0.0.5","audio_port":40000}"""),
        ("call_in", "stop_forward", $$"""{"target":"{{Id}}"}"""),
        ("dial_out", "dial", """{"number":"+49 30 1234567"}"""),
        ("meeting_notes", "select_writer", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("meeting_notes", "deselect_writer", $$"""{"participant_ids":["{{Id}}"]}"""),
        ("meeting_notes", "generate_pdf", "{}"),
        ("whiteboard", "initialize", "{}"),
        ("whiteboard", "generate_pdf", "{}"),
        ("meeting_report", "generate_attendance_report", """{"include_email_addresses":true}"""),
    ];

    public static JsonObject Frame(string ns, string action, string payload)
    {
        var body = JsonNode.Parse(payload)!.AsObject();
        body.Insert(0, "action", action);
        return new JsonObject { ["namespace"] = ns, ["payload"] = body };
    }

    /// <summary>Every place in a frame that holds a string or a number, as a path of property names and indexes.</summary>
    public static IReadOnlyList<JsonNode> Leaves(JsonNode node)
    {
        var leaves = new List<JsonNode>();
        void Walk(JsonNode n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                        if (child is not null)
                            Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a)
                        if (child is not null)
                            Walk(child);
                    break;
                case JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number:
                    leaves.Add(v);
                    break;
            }
        }
        Walk(node);
        return leaves;
    }
}
