#!/usr/bin/env bash
# Runs the whole product in one process: the article store (seeds imported on first
# start), question answering, the summariser and the chat front ends, with a console
# chat on this terminal. Telegram and Discord start when their settings are given.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/Bots.Host -c Release -nologo -clp:ErrorsOnly -v q
exec dotnet src/Bots.Host/bin/Release/net10.0/Bots.Host.dll --Bots:SeedsDir=seeds --Bots:DataDir=data "$@"
