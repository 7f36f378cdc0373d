// Written from docs/signaling.schema.json by signaling-protocol.test.ts (UPDATE_SIGNALING_TYPES=1 npm test): do not edit.
// What the app may send, by namespace: one member per action the server reads.

export interface ClientMessages {
  control:
    | {
      action: 'enter_room';
    }
    | {
      action: 'grant_moderator_role';
      target: string;
    }
    | {
      action: 'join';
      display_name: string;
    }
    | {
      action: 'leave';
    }
    | {
      action: 'lower_hand';
    }
    | {
      action: 'raise_hand';
    }
    | {
      action: 'revoke_moderator_role';
      target: string;
    };
  echo:
    | {
      action: 'ping';
    };
  moderation:
    | {
      action: 'accept';
      target: string;
    }
    | {
      action: 'accept_all';
    }
    | {
      action: 'ban';
      target: string;
    }
    | {
      action: 'change_display_name';
      target: string;
      new_name: string;
    }
    | {
      action: 'debrief';
      kick_scope: 'guests' | 'users_and_guests' | 'all';
    }
    | {
      action: 'disable_raise_hands';
    }
    | {
      action: 'disable_waiting_room';
    }
    | {
      action: 'enable_raise_hands';
    }
    | {
      action: 'enable_waiting_room';
    }
    | {
      action: 'kick';
      target: string;
    }
    | {
      action: 'mute';
      force?: boolean;
      targets?: string[];
    }
    | {
      action: 'reset_raised_hands';
      target?: string | string[] | null;
    }
    | {
      action: 'send_to_waiting_room';
      target: string;
    };
  media:
    | {
      action: 'allow_unmute';
      participant_ids: string[];
    }
    | {
      action: 'configure';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
      configuration: {
        video?: boolean | null;
        substream?: number;
      };
    }
    | {
      action: 'grant_presenter_role';
      participant_ids: string[];
    }
    | {
      action: 'moderator_disable_force_mute';
    }
    | {
      action: 'moderator_enable_force_mute';
      allow_list: string[];
    }
    | {
      action: 'moderator_mute';
      force?: boolean;
      targets?: string[];
    }
    | {
      action: 'publish';
      media_session_type: 'video' | 'screen' | 'whisper';
      sdp: string;
      whisper_id?: string | null;
      target?: string | null;
    }
    | {
      action: 'publish_complete';
      media_session_type: 'video' | 'screen' | 'whisper';
      media_session_state: {
        audio: boolean;
        video: boolean;
      } | {
        video: {
          audio: boolean;
          video: boolean;
        };
      } | {
        screen: {
          audio: boolean;
          video: boolean;
        };
      };
    }
    | {
      action: 'require_presenter_role';
      required: boolean;
    }
    | {
      action: 'resubscribe';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
    }
    | {
      action: 'revoke_presenter_role';
      participant_ids: string[];
    }
    | {
      action: 'sdp_answer';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
      sdp: string;
    }
    | {
      action: 'sdp_candidate';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
      candidate: {
        candidate: string;
        sdpMLineIndex: number;
        sdpMid?: string | null;
      };
    }
    | {
      action: 'sdp_end_of_candidates';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
    }
    | {
      action: 'subscribe';
      media_session_type: 'video' | 'screen' | 'whisper';
      target: string;
      without_video?: boolean;
    }
    | {
      action: 'unpublish';
      media_session_type: 'video' | 'screen' | 'whisper';
    }
    | {
      action: 'update_media_session';
      media_session_type: 'video' | 'screen' | 'whisper';
      media_session_state: {
        audio: boolean;
        video: boolean;
      } | {
        video: {
          audio: boolean;
          video: boolean;
        };
      } | {
        screen: {
          audio: boolean;
          video: boolean;
        };
      };
    }
    | {
      action: 'update_speaking_state';
      is_speaking: boolean;
    };
  chat:
    | {
      action: 'clear_history';
    }
    | {
      action: 'disable_chat';
    }
    | {
      action: 'enable_chat';
    }
    | {
      action: 'get_history_chunk';
      before?: string | null;
      count?: number;
    }
    | {
      action: 'search_history';
      query: string;
    }
    | {
      action: 'send_message';
      content: string;
      scope?: 'global' | 'group' | 'private' | null;
      target?: string | null;
      group?: string | null;
    }
    | {
      action: 'set_last_seen_timestamp';
      timestamp: string;
      scope?: 'global' | 'group' | 'private' | null;
      target?: string | null;
      group?: string | null;
    };
  timer:
    | {
      action: 'start';
      kind: 'stopwatch' | 'countdown';
      style?: 'normal' | 'coffee-break' | null;
      duration?: number | null;
      title?: string | null;
      enable_ready_check?: boolean;
      end_when_all_ready?: boolean;
    }
    | {
      action: 'stop';
      timer_id: string;
    }
    | {
      action: 'update_ready_status';
      timer_id: string;
      status: boolean;
    };
  polls:
    | {
      action: 'finish';
      id?: string | null;
      poll_id?: string | null;
    }
    | {
      action: 'start';
      topic: string;
      choices: string[];
      duration: number;
      live?: boolean;
      multiple_choice?: boolean;
      allow_editing?: boolean;
    }
    | {
      action: 'vote';
      poll_id: string;
      choices?: number[] | null;
      choice_id?: number | null;
      choice_ids?: number[] | null;
    };
  automod:
    | {
      action: 'edit';
      playlist?: string[] | null;
    }
    | {
      action: 'select';
      how: 'none' | 'next' | 'random' | 'specific';
      participant?: string | null;
    }
    | {
      action: 'start';
      selection_strategy: 'playlist' | 'random' | 'nomination';
      playlist?: string[] | null;
      time_limit?: number | null;
      allow_double_selection?: boolean;
    }
    | {
      action: 'stop';
    }
    | {
      action: 'yield';
      next?: string | null;
    };
  legal_vote:
    | {
      action: 'cancel';
      legal_vote_id: string;
      reason?: string | null;
    }
    | {
      action: 'start';
      name: string;
      kind?: 'roll_call' | 'pseudonymous' | null;
      allowed_participants?: string[] | null;
      duration?: number | null;
      enable_abstain?: boolean;
      auto_close?: boolean;
    }
    | {
      action: 'stop';
      legal_vote_id: string;
    }
    | {
      action: 'vote';
      legal_vote_id: string;
      option: 'yes' | 'no' | 'abstain';
      token?: string | null;
    };
  subroom_audio:
    | {
      action: 'accept_whisper_invite';
      whisper_id: string;
    }
    | {
      action: 'create_whisper_group';
      participant_ids: string[];
    }
    | {
      action: 'decline_whisper_invite';
      whisper_id: string;
    }
    | {
      action: 'invite_to_whisper_group';
      whisper_id: string;
      participant_ids: string[];
    }
    | {
      action: 'kick_whisper_participants';
      whisper_id: string;
      participant_ids: string[];
    }
    | {
      action: 'leave_whisper_group';
      whisper_id: string;
    };
  breakout:
    | {
      action: 'start';
      rooms: Array<{
        name: string;
        assignments?: string[] | null;
      }>;
      duration?: number | null;
    }
    | {
      action: 'stop';
    };
  recording:
    | {
      action: 'pause_stream';
      target_ids: string[];
    }
    | {
      action: 'set_consent';
      consent: boolean;
    }
    | {
      action: 'start_stream';
      target_ids: string[];
    }
    | {
      action: 'stop_stream';
      target_ids: string[];
    };
  recording_service:
    | {
      action: 'forward';
      target: string;
      media_session_type: 'video' | 'screen' | 'whisper';
      host: string;
      audio_port?: number | null;
      video_port?: number | null;
    }
    | {
      action: 'keyframe';
      target: string;
      media_session_type: 'video' | 'screen' | 'whisper';
    }
    | {
      action: 'stop_forward';
      target: string;
      media_session_type: 'video' | 'screen' | 'whisper';
    }
    | {
      action: 'stream_updated';
      target_id: string;
      status: 'inactive' | 'starting' | 'active' | 'paused' | 'error';
      reason?: {
        code: string;
        message: string;
      } | null;
    };
  call_in:
    | {
      action: 'forward';
      target: string;
      host: string;
      audio_port: number;
    }
    | {
      action: 'publish';
    }
    | {
      action: 'stop_forward';
      target: string;
    }
    | {
      action: 'unpublish';
    };
  dial_out:
    | {
      action: 'dial';
      number: string;
    };
  meeting_notes:
    | {
      action: 'deselect_writer';
      participant_ids: string[];
    }
    | {
      action: 'generate_pdf';
    }
    | {
      action: 'select_writer';
      participant_ids: string[];
    };
  whiteboard:
    | {
      action: 'generate_pdf';
    }
    | {
      action: 'initialize';
    };
  meeting_report:
    | {
      action: 'generate_attendance_report';
      include_email_addresses: boolean;
    };
}

export type Namespace = keyof ClientMessages;

/** Sends one message; the namespace decides which messages the payload may be. */
export type Send = <N extends Namespace>(namespace: N, payload: ClientMessages[N]) => void;
