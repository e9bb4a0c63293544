# The short formats the pages use, written the way the caseworkers write dates ("21 Apr
# 2017"). Russian keeps Django's own (21.04.2017).
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
