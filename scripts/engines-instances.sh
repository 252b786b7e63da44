#!/usr/bin/env bash
# The local engine pack's instances: name, default port, engines served and extra options; read by
# engines-up.sh and engines-down.sh. Ports follow the seed's engines (STT 8005/8003, TTS 8880/5001,
# Vietnamese TTS 5003, visemes 8006); translation and phonemes have none there (5000, 8007); grammar
# is LanguageTool's usual 8081.

ENGINE_INSTANCES=(stt-1 stt-2 tts-1 tts-2 tts-vi translate phonemes visemes grammar)

# Prints the instance's port (PORT_<NAME> overrides it); fails for an unknown name.
instance_port() {
  local override="PORT_${1//-/_}"
  override="${override^^}"
  local port
  case "$1" in
    stt-1) port=8005 ;;
    stt-2) port=8003 ;;
    tts-1) port=8880 ;;
    tts-2) port=5001 ;;
    tts-vi) port=5003 ;;
    translate) port=5000 ;;
    phonemes) port=8007 ;;
    visemes) port=8006 ;;
    grammar) port=8081 ;;
    *) return 1 ;;
  esac
  echo "${!override:-$port}"
}

# Prints the pack's command-line options for the instance.
instance_args() {
  case "$1" in
    stt-1 | stt-2) echo "--pack.engines=stt" ;;
    tts-1) echo "--pack.engines=tts-flite" ;;
    tts-2) echo "--pack.engines=tts-espeak" ;;
    tts-vi) echo "--pack.engines=tts-espeak --pack.tts.espeak.default-voice=vi" ;;
    translate) echo "--pack.engines=translate" ;;
    phonemes) echo "--pack.engines=phonemes" ;;
    visemes) echo "--pack.engines=visemes" ;;
    grammar) echo "--pack.engines=grammar" ;;
    *) return 1 ;;
  esac
}

# Writes the hub's engine URL variables (its deployment contract) for the instances' ports.
write_hub_env() {
  cat > "$1" <<ENV
STT_ENGINE_1_URL=http://127.0.0.1:$(instance_port stt-1)
STT_ENGINE_2_URL=http://127.0.0.1:$(instance_port stt-2)
TTS_ENGINE_1_URL=http://127.0.0.1:$(instance_port tts-1)
TTS_ENGINE_2_URL=http://127.0.0.1:$(instance_port tts-2)
TTS_ENGINE_VI_URL=http://127.0.0.1:$(instance_port tts-vi)
TRANSLATION_ENGINE_URL=http://127.0.0.1:$(instance_port translate)
PHONEMIZER_URL=http://127.0.0.1:$(instance_port phonemes)
VISEME_SERVICE_URL=http://127.0.0.1:$(instance_port visemes)
GRAMMAR_ENGINE_URL=http://127.0.0.1:$(instance_port grammar)
ENV
}

# Writes copy-paste requests that go through the hub (on the given port) to these engines.
write_examples() {
  cat > "$1" <<EXAMPLES
Through the hub to the local engines (flite, pocketsphinx, apertium, espeak-ng, LanguageTool):
  curl -s localhost:$2/v1/audio/speech -H 'Content-Type: application/json' -d '{"model":"tts-1","input":"Please open the window.","voice":"alloy","response_format":"wav"}' -o speech.wav
  curl -s -i localhost:$2/v1/audio/transcriptions -F file=@speech.wav -F model=whisper-1
  curl -s localhost:$2/v1/translate -H 'Content-Type: application/json' -d '{"text":"hello","source":"en","target":"es"}'
  curl -s localhost:$2/v1/phonemes -H 'Content-Type: application/json' -d '{"text":"hello world","language":"en"}'
  curl -s localhost:$2/v1/visemes -H 'Content-Type: application/json' -d '{"text":"hello world"}'
  curl -s localhost:$2/v1/grammar/check -H 'Content-Type: application/json' -d '{"text":"He go to school yesterday.","language":"en-US"}'
Stop STT engine 1 to see X-Engine switch to stt-2: scripts/engines-down.sh stt-1
EXAMPLES
}
