# Writes OUT, a C file that holds every docs/schema/*.schema.json of SRC as
# bytes, so the program carries the schemas it was built with
# (--write-schema; schema_files in src/platform/schema_out.h).
#   cmake -DSRC=SOURCE_DIR -DOUT=FILE.c -P embed_schemas.cmake
file(GLOB files ${SRC}/docs/schema/*.schema.json)
list(SORT files)
set(c "/* Written by src/platform/embed_schemas.cmake from docs/schema; do not edit. */\n")
string(APPEND c "#include \"schema_out.h\"\n\n")
set(table "")
set(i 0)
foreach(f ${files})
  get_filename_component(name ${f} NAME)
  file(READ ${f} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "((0x..,){24})" "\\1\n  " bytes "${bytes}")
  string(APPEND c "static const unsigned char file${i}[] = {\n  ${bytes}0x00};\n")
  string(APPEND table "    {\"${name}\", file${i}, sizeof file${i} - 1},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND c "\nconst SchemaFile schema_files[] = {\n${table}};\nconst int schema_file_count = ${i};\n")
file(WRITE ${OUT} "${c}")
