# bash completion for peerbrief(1): commands, each command's options, and
# the values they take (folders, packet ids from input/packets, formats).
_peerbrief()
{
	local cur prev cmd i indir=input
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=${COMP_WORDS[1]}
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W "init build check figures explain convert help --help --version" -- "$cur"))
		return
	fi
	for ((i = 2; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-i|--input) indir=${COMP_WORDS[i+1]} ;;
		esac
	done
	case $prev in
	-o|--output)
		if [ "$cmd" = convert ]; then COMPREPLY=($(compgen -f -- "$cur"))
		else COMPREPLY=($(compgen -d -- "$cur")); fi
		return ;;
	-i|--input|-T|--templates) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-t|--to)
		if [ "$cmd" = build ]; then COMPREPLY=($(compgen -d -- "$cur"))
		else COMPREPLY=($(compgen -W "html docbook" -- "$cur")); fi
		return ;;
	-f|--from) COMPREPLY=($(compgen -W "markdown xml" -- "$cur")); return ;;
	-F|--format) COMPREPLY=($(compgen -W "text json csv" -- "$cur")); return ;;
	-p|--packet)
		COMPREPLY=($(compgen -W "$(cd "$indir/packets" 2>/dev/null &&
		    ls *.xml 2>/dev/null | sed 's/\.xml$//')" -- "$cur"))
		return ;;
	-j|--jobs|--as-of|--max-input-size) return ;;
	esac
	local common="-q --quiet -v --verbose -h --help"
	case $cmd in
	init) COMPREPLY=($(compgen -W "$common" -- "$cur"))
	      [ "${cur#-}" = "$cur" ] && COMPREPLY+=($(compgen -d -- "$cur")) ;;
	build) COMPREPLY=($(compgen -W "-i --input -o --output -T --templates -j --jobs -p --packet --pdf $common" -- "$cur")) ;;
	check) COMPREPLY=($(compgen -W "-i --input $common" -- "$cur")) ;;
	figures) COMPREPLY=($(compgen -W "-i --input -p --packet --as-of -F --format $common" -- "$cur")) ;;
	explain) COMPREPLY=($(compgen -W "-i --input -p --packet --as-of $common" -- "$cur")) ;;
	convert) COMPREPLY=($(compgen -W "-t --to -s --standalone -o --output -f --from -i --input -p --packet -T --templates --max-input-size $common" -- "$cur"))
	      [ "${cur#-}" = "$cur" ] && COMPREPLY+=($(compgen -f -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "init build check figures explain convert" -- "$cur")) ;;
	esac
}
complete -F _peerbrief peerbrief
