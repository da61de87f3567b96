# Makes sure the PDF tools are present: Debian's Chromium prints letters (with Liberation and a CJK font), poppler-utils reads them back in tests.
# Installs them when missing and running as root (as in CI); otherwise the PDF tests skip outside CI and fail in it.
ensure_pdf_tools() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # Letters print what staff and councils write, in any script: Chinese, Japanese and Korean need a font of their own.
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-wqy-microhei)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || return 1
  echo "test: installing ${missing[*]}..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" fonts-liberation >/dev/null) || return 1
}
