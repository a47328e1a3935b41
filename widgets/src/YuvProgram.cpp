#include "YuvProgram.h"

#include <QOpenGLShaderProgram>

#include "YuvToRgb.h"

namespace vigie::widgets {

namespace {

// A full-viewport quad; picture row 0 is the top of the viewport (texture t = 0 at y = +1).
// sourceRect (x, y, width, height) is the part of the picture spread over the viewport: the digital zoom
// costs a multiply-add per vertex, no copy of the picture.
const char* const kVertexShader = R"(#version 330 core
layout(location = 0) in vec2 position;
uniform vec4 sourceRect;
out vec2 texCoord;
void main()
{
    vec2 viewportCoord = vec2((position.x + 1.0) * 0.5, (1.0 - position.y) * 0.5);
    texCoord = sourceRect.xy + viewportCoord * sourceRect.zw;
    gl_Position = vec4(position, 0.0, 1.0);
}
)";

// chromaScale maps luma texture coordinates to chroma ones: for an odd width, 4:2:0 chroma has
// ceil(w / 2) samples, so the chroma texture is slightly wider than half the luma one.
// Two-plane layouts (NV12, P010) keep Cb and Cr in the .r and .g of the planeU texture. The bit depth
// needs no code here: YuvToRgb folds the sample scale into yuvToRgb and yuvOffset.
const char* const kFragmentShader = R"(#version 330 core
in vec2 texCoord;
out vec4 fragColor;
uniform sampler2D planeY;
uniform sampler2D planeU;
uniform sampler2D planeV;
uniform mat3 yuvToRgb;
uniform vec3 yuvOffset;
uniform vec2 chromaScale;
uniform bool chromaInterleaved;
void main()
{
    vec2 c = texCoord * chromaScale;
    vec2 cbcr = chromaInterleaved ? texture(planeU, c).rg : vec2(texture(planeU, c).r, texture(planeV, c).r);
    vec3 yuv = vec3(texture(planeY, texCoord).r, cbcr);
    fragColor = vec4(clamp(yuvToRgb * (yuv - yuvOffset), 0.0, 1.0), 1.0);
}
)";

}  // namespace

YuvProgram::YuvProgram() = default;
YuvProgram::~YuvProgram() = default;

bool YuvProgram::create(QOpenGLFunctions_3_3_Core* gl)
{
    m_log.clear();
    m_program = std::make_unique<QOpenGLShaderProgram>();
    if (!m_program->addShaderFromSourceCode(QOpenGLShader::Vertex, kVertexShader)
        || !m_program->addShaderFromSourceCode(QOpenGLShader::Fragment, kFragmentShader)
        || !m_program->link()) {
        m_log = m_program->log();
        m_program.reset();
        return false;
    }
    m_program->bind();
    m_program->setUniformValue("planeY", 0);
    m_program->setUniformValue("planeU", 1);
    m_program->setUniformValue("planeV", 2);
    m_matrixLoc = m_program->uniformLocation("yuvToRgb");
    m_offsetLoc = m_program->uniformLocation("yuvOffset");
    m_chromaScaleLoc = m_program->uniformLocation("chromaScale");
    m_interleavedLoc = m_program->uniformLocation("chromaInterleaved");
    m_sourceRectLoc = m_program->uniformLocation("sourceRect");
    m_program->setUniformValue(m_sourceRectLoc, 0.f, 0.f, 1.f, 1.f);
    m_program->release();

    // Core profile: no drawing without a VAO.
    static const GLfloat quad[] = {-1.f, -1.f, 1.f, -1.f, -1.f, 1.f, 1.f, 1.f};
    gl->glGenVertexArrays(1, &m_vao);
    gl->glGenBuffers(1, &m_vbo);
    gl->glBindVertexArray(m_vao);
    gl->glBindBuffer(GL_ARRAY_BUFFER, m_vbo);
    gl->glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    gl->glEnableVertexAttribArray(0);
    gl->glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(GLfloat), nullptr);
    gl->glBindVertexArray(0);
    gl->glBindBuffer(GL_ARRAY_BUFFER, 0);
    return true;
}

void YuvProgram::destroy(QOpenGLFunctions_3_3_Core* gl)
{
    if (m_vbo)
        gl->glDeleteBuffers(1, &m_vbo);
    if (m_vao)
        gl->glDeleteVertexArrays(1, &m_vao);
    m_vbo = m_vao = 0;
    m_program.reset();
}

void YuvProgram::bind(QOpenGLFunctions_3_3_Core* gl)
{
    m_program->bind();
    gl->glBindVertexArray(m_vao);
}

void YuvProgram::release(QOpenGLFunctions_3_3_Core* gl)
{
    gl->glBindVertexArray(0);
    m_program->release();
}

void YuvProgram::setConversion(QOpenGLFunctions_3_3_Core* gl, const YuvToRgb& conversion, float chromaScaleX,
                               float chromaScaleY)
{
    gl->glUniformMatrix3fv(m_matrixLoc, 1, GL_FALSE, conversion.matrix.data());
    gl->glUniform3fv(m_offsetLoc, 1, conversion.offset.data());
    gl->glUniform2f(m_chromaScaleLoc, chromaScaleX, chromaScaleY);
    gl->glUniform1i(m_interleavedLoc, conversion.chromaInterleaved ? 1 : 0);
}

void YuvProgram::setSourceRect(QOpenGLFunctions_3_3_Core* gl, float x, float y, float width, float height)
{
    gl->glUniform4f(m_sourceRectLoc, x, y, width, height);
}

void YuvProgram::draw(QOpenGLFunctions_3_3_Core* gl)
{
    gl->glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
}

}  // namespace vigie::widgets
