# SPDX-License-Identifier: MIT
# bash completion for llmerr (installed as share/bash-completion/completions/llmerr).
# tests/cli/manual.cmake checks that it offers every option `llmerr help COMMAND` lists.

_llmerr() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion || return
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi

    local commands="classify lookup list help"
    local providers="ark dashscope qianfan"
    local categories="unknown invalid_request authentication permission_denied billing quota_exhausted
        rate_limited content_filtered context_length_exceeded payload_too_large unsupported not_found conflict
        timeout cancelled overloaded model_loading server_error"

    # The command (the first word that is one), and how many positionals follow it.
    local cmd="" i positionals=0
    for ((i = 1; i < cword; i++)); do
        if [[ -z $cmd ]]; then
            case ${words[i]} in
                classify | lookup | list | help) cmd=${words[i]} ;;
            esac
        elif [[ ${words[i]} != -* && ${words[i - 1]} != --@(provider|status|header|meta|jsonl|max-line-bytes|message|api|category|format) ]]; then
            ((positionals++))
        fi
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands -h --help -V --version" -- "$cur"))
        return
    fi

    case $prev in
        --provider)
            COMPREPLY=($(compgen -W "$providers" -- "$cur"))
            return
            ;;
        --category)
            COMPREPLY=($(compgen -W "$categories" -- "$cur"))
            return
            ;;
        --format)
            COMPREPLY=($(compgen -W "table json csv markdown" -- "$cur"))
            return
            ;;
        --meta | --jsonl)
            COMPREPLY=($(compgen -f -- "$cur"))
            return
            ;;
        --status | --header | --max-line-bytes | --message | --api)
            return # a value to type
            ;;
    esac

    local options
    case $cmd in
        classify)
            options="-h --help --provider --status --header --meta --json --exit-status --jsonl --summary-only
                --max-line-bytes"
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        lookup)
            options="-h --help --message --status --api --json"
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$options" -- "$cur"))
            elif ((positionals == 0)); then
                COMPREPLY=($(compgen -W "$providers" -- "$cur"))
            fi
            ;;
        list)
            options="-h --help --provider --category --api --format"
            COMPREPLY=($(compgen -W "$options" -- "$cur"))
            ;;
        help)
            if ((positionals == 0)); then
                COMPREPLY=($(compgen -W "$commands -h --help" -- "$cur"))
            fi
            ;;
    esac
}
complete -F _llmerr -o filenames llmerr
